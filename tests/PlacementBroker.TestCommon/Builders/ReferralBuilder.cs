using System.Net.Http.Json;
using System.Text.Json;

namespace PlacementBroker.TestCommon;

/// <summary>
/// A referral as an officer sends it (<c>POST /api/referrals</c>), starting from <see cref="TestData.ReferralBody"/>: a
/// 14-year-old girl from Leeds (LS6) needing emotional and behavioural support, within 20 miles, £6,000 a week.
/// </summary>
public sealed class ReferralBuilder(PlacementBrokerApp app, Guid lotId)
{
    private int _siblings = 1;
    private string _urgency = "Planned";
    private double _maxMiles = 20;
    private decimal _budget = 6000m;
    private readonly Dictionary<string, object?> _overrides = new();

    public ReferralBuilder Siblings(int count) { _siblings = count; return this; }
    public ReferralBuilder Urgency(string urgency) { _urgency = urgency; return this; }
    public ReferralBuilder Emergency() => Urgency("Emergency");
    public ReferralBuilder Within(double miles) { _maxMiles = miles; return this; }
    public ReferralBuilder Budget(decimal weekly) { _budget = weekly; return this; }
    /// <summary>Sets a top-level field of the body (e.g. "offerDeadline").</summary>
    public ReferralBuilder With(string field, object? value) { _overrides[field] = value; return this; }

    public Dictionary<string, object?> Body()
    {
        var body = app.Data.ReferralBody(lotId, _siblings, _urgency, _maxMiles, _budget);
        foreach (var (field, value) in _overrides)
        {
            body[field] = value;
        }
        return body;
    }

    /// <summary>Sends the referral with the officer's API client; returns its id.</summary>
    public async Task<Guid> SendAsync(HttpClient officer)
    {
        using var response = await officer.PostAsJsonAsync("/api/referrals", Body());
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /api/referrals answered {(int)response.StatusCode}: {text}");
        }
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Sends the referral as the officer (signing in for a bearer token); returns its id.</summary>
    public async Task<Guid> SendAsync(TestUser officer)
    {
        using var client = await app.Data.ClientForAsync(officer);
        return await SendAsync(client);
    }
}

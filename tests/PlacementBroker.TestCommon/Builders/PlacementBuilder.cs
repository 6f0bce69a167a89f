using System.Net.Http.Json;
using System.Text.Json;

namespace PlacementBroker.TestCommon;

/// <summary>
/// A child placed through the API as officers and providers do it: the officer's referral for the lot (the default
/// <see cref="TestData.ReferralBody"/> unless given), the provider's offer on its vacancy at the weekly price, accepted
/// as a spot placement.
/// </summary>
public sealed class PlacementBuilder(PlacementBrokerApp app, HttpClient officer, Guid lotId)
{
    private TestProvider? _provider;
    private Guid _vacancyId;
    private decimal _weeklyPrice = 5400m;
    private ReferralBuilder? _referral;

    public PlacementBuilder With(TestProvider provider, Guid vacancyId) { (_provider, _vacancyId) = (provider, vacancyId); return this; }
    public PlacementBuilder At(decimal weeklyPrice) { _weeklyPrice = weeklyPrice; return this; }
    public PlacementBuilder For(ReferralBuilder referral) { _referral = referral; return this; }

    /// <summary>Places the child; returns the placement's id.</summary>
    public async Task<string> PlaceAsync()
    {
        var provider = _provider ?? throw new InvalidOperationException("Say which provider's vacancy with With(provider, vacancyId)");
        var referralId = await (_referral ?? new ReferralBuilder(app, lotId)).SendAsync(officer);
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var offer = await ReadAsync(await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId = _vacancyId, weeklyPrice = _weeklyPrice }));
        var accepted = await ReadAsync(await officer.PostAsJsonAsync($"/api/offers/{offer.GetProperty("id").GetString()}/accept", new { kind = "Spot" }));
        return accepted.GetProperty("placementId").GetString()!;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        }
        return JsonDocument.Parse(text).RootElement;
    }
}

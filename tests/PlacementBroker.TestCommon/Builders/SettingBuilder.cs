using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Providers;

namespace PlacementBroker.TestCommon;

/// <summary>
/// A provider's setting (a home), added through <see cref="SettingService"/>: by default a Good home for four in Leeds
/// (LS6 2AB) inspected on 1 March 2026, with a fresh name and URN.
/// </summary>
public sealed class SettingBuilder(PlacementBrokerApp app, TestProvider provider)
{
    // Below the demo data set's URNs (SC400000 and up), so a test setting never claims a demo home's URN and waits for review.
    private static int _urn = Random.Shared.Next(100_000, 300_000);

    private string _name = TestData.Unique("House");
    private int _places = 4;
    private OfstedGrade _grade = OfstedGrade.Good;
    private string _postcode = "LS6 2AB";
    private double _latitude = 53.8196;
    private double _longitude = -1.5767;
    private DateOnly? _inspected = new(2026, 3, 1);
    private string? _ofstedUrn;

    public SettingBuilder Named(string name) { _name = name; return this; }
    public SettingBuilder Places(int places) { _places = places; return this; }
    public SettingBuilder Graded(OfstedGrade grade) { _grade = grade; return this; }
    public SettingBuilder At(string postcode) { _postcode = postcode; return this; }
    public SettingBuilder At(double latitude, double longitude) { (_latitude, _longitude) = (latitude, longitude); return this; }
    public SettingBuilder InspectedOn(DateOnly? date) { _inspected = date; return this; }
    public SettingBuilder NeverInspected() => InspectedOn(null);
    public SettingBuilder Urn(string urn) { _ofstedUrn = urn; return this; }

    public async Task<Guid> CreateAsync()
    {
        using var scope = app.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<SettingService>().AddAsync(TestData.ActorFor(provider.User), provider.Id,
            new AddSettingRequest(_name, _ofstedUrn ?? $"SC{Interlocked.Increment(ref _urn)}", _postcode, _latitude, _longitude, _grade, _inspected, _places));
        return created.Value?.Id ?? throw new InvalidOperationException(created.Message);
    }
}

using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Providers;

namespace PlacementBroker.TestCommon;

/// <summary>
/// A vacancy published through <see cref="VacancyService"/>: by default one place for girls and boys of 10 to 17 with
/// emotional and behavioural needs or autism, £5,400 a week, from 23 November 2026.
/// </summary>
public sealed class VacancyBuilder(PlacementBrokerApp app, TestProvider provider, Guid settingId, Guid lotId)
{
    private int _places = 1;
    private decimal _weeklyPrice = 5400m;
    private (int Min, int Max) _ages = (10, 17);
    private List<Gender> _genders = [Gender.Female, Gender.Male];
    private List<Need> _needs = [Need.EmotionalBehavioural, Need.Autism];
    private DateOnly _from = new(2026, 11, 23);

    public VacancyBuilder Places(int places) { _places = places; return this; }
    public VacancyBuilder At(decimal weeklyPrice) { _weeklyPrice = weeklyPrice; return this; }
    public VacancyBuilder Ages(int min, int max) { _ages = (min, max); return this; }
    public VacancyBuilder For(params Gender[] genders) { _genders = [.. genders]; return this; }
    public VacancyBuilder Meeting(params Need[] needs) { _needs = [.. needs]; return this; }
    public VacancyBuilder From(DateOnly date) { _from = date; return this; }

    public async Task<Guid> PublishAsync()
    {
        using var scope = app.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<VacancyService>().PublishAsync(TestData.ActorFor(provider.User),
            new VacancyRequest(settingId, lotId, _places, _ages.Min, _ages.Max, _genders, _needs, _weeklyPrice, _from));
        return created.Value?.Id ?? throw new InvalidOperationException(created.Message);
    }
}

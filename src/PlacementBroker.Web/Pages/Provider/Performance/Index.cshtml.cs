using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Web.Pages.Provider.Performance;

/// <summary>The provider's own scorecard, as the commissioners of its DPSs see it.</summary>
public class IndexModel(ProviderPerformanceService performance) : ProviderPageModel
{
    public Core.Sufficiency.ProviderPerformance? Scorecard { get; private set; }

    public async Task OnGetAsync()
    {
        var outcome = await performance.ScorecardsAsync(Actor, ProviderId, Aborted);
        Scorecard = outcome.Value?.SingleOrDefault();
    }
}

using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Web.Pages.Provider.Uplifts;

/// <summary>The uplift rounds of the provider's DPSs, and where its own request stands in each.</summary>
public class IndexModel(UpliftService uplifts) : ProviderPageModel
{
    public IReadOnlyList<UpliftRoundSummary> Rounds { get; private set; } = [];

    public async Task OnGetAsync() => Rounds = await uplifts.RoundsForProviderAsync(Actor, Aborted);
}

using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Web.Pages.Commissioning.Uplifts;

/// <summary>The fee-uplift rounds of the DPSs the commissioner's authority uses; a lead authority opens new ones here.</summary>
public class IndexModel(UpliftService uplifts, DpsService dps) : CommissioningPageModel
{
    public IReadOnlyList<UpliftRoundSummary> Rounds { get; private set; } = [];
    /// <summary>The DPSs the authority leads: where it may open a round.</summary>
    public IReadOnlyList<DpsView> Led { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Rounds = await uplifts.RoundsForAuthorityAsync(Actor, Aborted);
        Led = [.. (await dps.ListAsync(Actor, includeOwnDrafts: false, Aborted)).Where(d => d.LeadLocalAuthorityId == AuthorityId && d.Status == DpsStatus.Open)];
    }
}

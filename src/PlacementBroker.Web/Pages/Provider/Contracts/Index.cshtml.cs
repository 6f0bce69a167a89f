using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Web.Pages.Provider.Contracts;

/// <summary>The provider's contract management: its KPI returns, contract reviews with their actions, and improvement plans.</summary>
public class IndexModel(
    ContractOverviewService overview, KpiService kpis, ContractReviewService reviews, ImprovementPlanService plans, MembershipService memberships, TimeProvider clock)
    : ProviderPageModel
{
    public IReadOnlyList<KpiReturnSummary> Returns { get; private set; } = [];
    public IReadOnlyList<ContractReviewView> Reviews { get; private set; } = [];
    public IReadOnlyList<ImprovementPlanView> Plans { get; private set; } = [];
    /// <summary>The DPSs the provider is on whose current quarter's return is not started yet: it may start early.</summary>
    public IReadOnlyList<(Guid DpsId, string DpsName)> StartEarly { get; private set; } = [];
    public string CurrentQuarter { get; private set; } = "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCompleteAsync(Guid reviewId, Guid actionId)
    {
        var outcome = await reviews.CompleteActionAsync(Actor, reviewId, actionId, null, Aborted);
        return await SettleAsync(outcome, _ => Done("The action is marked as done", "/Provider/Contracts/Index"), async () => { await LoadAsync(); return Page(); });
    }

    private async Task LoadAsync()
    {
        CurrentQuarter = Quarter.Containing(UkTime.Today(clock)).ToString();
        Returns = await overview.ProviderReturnsAsync(ProviderId, Aborted);
        Reviews = (await reviews.ListAsync(Actor, ProviderId, null, Aborted)).Value ?? [];
        Plans = (await plans.ListAsync(Actor, ProviderId, null, Aborted)).Value ?? [];
        var started = Returns.Where(r => r.Quarter == CurrentQuarter).Select(r => r.DpsId).ToHashSet();
        var candidates = (await memberships.ForProviderAsync(ProviderId, Aborted))
            .Where(m => m.Status is MembershipStatus.Admitted or MembershipStatus.Suspended && !started.Contains(m.DpsId))
            .Select(m => (m.DpsId, m.DpsName)).Distinct().OrderBy(d => d.DpsName).ToList();
        var withKpis = new List<(Guid, string)>();
        foreach (var dps in candidates)
        {
            if ((await kpis.GetReturnAsync(Actor, ProviderId, dps.DpsId, CurrentQuarter, Aborted)).Value is { Values.Count: > 0 })
            {
                withKpis.Add(dps);
            }
        }
        StartEarly = withKpis;
    }
}

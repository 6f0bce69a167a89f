using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Web.Pages.Contracts;

/// <summary>A DPS's contract-management home: returns due, overdue, queried and awaiting review; reviews due; open plans; providers below target.</summary>
public class HomeModel(ContractOverviewService overview, TimeProvider clock) : ContractsPageModel
{
    /// <summary>Reviews shown as due: overdue, or due within this many days.</summary>
    public const int ReviewsDueWithinDays = 60;

    public ContractOverview Overview { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid dpsId)
    {
        var outcome = await overview.OverviewAsync(Actor, dpsId, Aborted);
        if (!outcome.Succeeded)
        {
            return Refused(outcome) ?? NotFound();
        }
        Overview = outcome.Value!;
        Today = UkTime.Today(clock);
        return Page();
    }

    public IEnumerable<ReviewDue> ReviewsDue => Overview.ReviewsDue.Where(r => r.Overdue || r.ScheduledFor is not null || r.DueBy <= Today.AddDays(ReviewsDueWithinDays));
}

using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Web.Pages.Contracts;

/// <summary>A service improvement plan as the DPS's councils see it; the lead authority's commissioners close it completed or escalated.</summary>
public class PlanModel(ImprovementPlanService plans, ContractAccess access) : ContractsPageModel
{
    [BindProperty]
    public CloseInput Input { get; set; } = new();

    public sealed record CloseInput(string? Outcome = null, string? Reason = null);

    public ImprovementPlanView Plan { get; private set; } = null!;
    public bool MayClose { get; private set; }

    public static readonly IReadOnlyList<SelectListItem> Outcomes =
    [
        new("Completed: every milestone is met", "Completed"),
        new("Escalated: suspend the provider's memberships of the DPS, with this plan as the reason", "Escalated"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        ModelState.Clear();
        var outcome = FormValues.Choice<ImprovementPlanStatus>(Input.Outcome);
        return await SettleAsync(await plans.CloseAsync(Actor, id, new ClosePlanRequest(outcome, Input.Reason), Aborted),
            p => Done(p.Status == ImprovementPlanStatus.Escalated ? $"The plan is escalated: {p.ProviderName}'s memberships of the DPS are suspended" : "The plan is closed as completed",
                "/Contracts/Plan", new { id }),
            async () => await LoadAsync(id) ?? Page());
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await plans.GetAsync(Actor, id, Aborted) is not { } plan)
        {
            return NotFound();
        }
        Plan = plan;
        MayClose = IsCommissioner && plan.Status == ImprovementPlanStatus.Open && (await access.DpsForAuthorityAsync(Actor, plan.DpsId, Aborted))?.Lead == true;
        return null;
    }
}

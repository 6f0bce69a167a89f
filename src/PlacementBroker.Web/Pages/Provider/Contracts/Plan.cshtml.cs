using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Web.Pages.Provider.Contracts;

/// <summary>The provider's improvement plan: it records progress against each milestone.</summary>
public class PlanModel(ImprovementPlanService plans) : ProviderPageModel
{
    [BindProperty]
    public ProgressInput Input { get; set; } = new();

    public sealed record ProgressInput(string? MilestoneId = null, string? Note = null, bool Completed = false);

    public ImprovementPlanView Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        ModelState.Clear();
        if (FormValues.Id(Input.MilestoneId) is not { } milestoneId)
        {
            ModelState.AddModelError("Input.MilestoneId", "Choose the milestone you are recording progress on");
            return Page();
        }
        return await SettleAsync(await plans.RecordProgressAsync(Actor, id, milestoneId, new MilestoneProgressRequest(Input.Note, Input.Completed), Aborted),
            _ => Done("Your progress is recorded and the commissioners told", "/Provider/Contracts/Plan", new { id }),
            async () => await LoadAsync(id) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        Plan = (await plans.GetAsync(Actor, id, Aborted))!;
        return Plan is not null;
    }
}

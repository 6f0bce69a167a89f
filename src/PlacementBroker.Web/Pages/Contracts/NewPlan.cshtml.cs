using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Web.Pages.Contracts;

/// <summary>Raises a service improvement plan with up to three milestones (more through the API).</summary>
public class NewPlanModel(ContractOverviewService overview, ImprovementPlanService plans, ContractAccess access) : ContractsPageModel
{
    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public sealed record PlanInput(
        string? Reason = null, string? Source = null, string? Milestone1 = null, DateInputValue? Due1 = null, string? Milestone2 = null, DateInputValue? Due2 = null,
        string? Milestone3 = null, DateInputValue? Due3 = null);

    public ContractRecord Record { get; private set; } = null!;

    public static readonly IReadOnlyList<SelectListItem> Sources = [.. Enum.GetValues<ImprovementPlanSource>().Select(s => new SelectListItem(Words.Name(s), s.ToString()))];

    public async Task<IActionResult> OnGetAsync(Guid dpsId, Guid providerId) => await LoadAsync(dpsId, providerId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid dpsId, Guid providerId)
    {
        if (await LoadAsync(dpsId, providerId) is { } refusal)
        {
            return refusal;
        }
        // The service numbers the milestones it is sent; a row left empty is not sent, so each is mapped back to its row.
        var fields = new Dictionary<string, string> { ["milestones"] = "Input.Milestone1" };
        return await ReadThenSendAsync(
            unreadable =>
            {
                var milestones = new List<MilestoneInput>();
                foreach (var (text, due, row) in new[] { (Input.Milestone1, Input.Due1, 1), (Input.Milestone2, Input.Due2, 2), (Input.Milestone3, Input.Due3, 3) })
                {
                    if (!string.IsNullOrWhiteSpace(text) || due?.IsEmpty == false)
                    {
                        fields[$"milestones[{milestones.Count}].description"] = $"Input.Milestone{row}";
                        fields[$"milestones[{milestones.Count}].dueDate"] = $"Input.Due{row}";
                        milestones.Add(new MilestoneInput(text, FormValues.Date(due, "The milestone's due date", unreadable, $"Input.Due{row}")));
                    }
                }
                return new CreateImprovementPlanRequest(providerId, dpsId, Input.Reason, milestones, FormValues.Choice<ImprovementPlanSource>(Input.Source));
            },
            request => plans.CreateAsync(Actor, request, Aborted),
            (_, plan) => Done("The service improvement plan has been raised and the provider told", "/Contracts/Plan", new { id = plan.Id }),
            async () => await LoadAsync(dpsId, providerId) ?? Page(), fields);
    }

    private async Task<IActionResult?> LoadAsync(Guid dpsId, Guid providerId)
    {
        var found = await overview.RecordAsync(Actor, providerId, dpsId, Aborted);
        if (found.Succeeded && (await access.DpsForAuthorityAsync(Actor, dpsId, Aborted))?.Lead != true)
        {
            // A participating council reads the provider's record; reviews and plans are the lead authority's.
            return Forbid();
        }
        if (!found.Succeeded)
        {
            return Refused(found) ?? NotFound();
        }
        Record = found.Value!;
        return null;
    }
}

using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Web.Pages.Contracts;

/// <summary>Records a scheduled contract review once it has been held: minutes, agenda notes, an action, the risk rating.</summary>
public class RecordReviewModel(ContractReviewService reviews, ContractAccess access) : ContractsPageModel
{
    [BindProperty]
    public RecordInput Input { get; set; } = new();

    public sealed record RecordInput(
        string? RiskRating = null, string? Minutes = null, string? OutcomesForChildren = null, string? OutstandingQaActions = null, string? FeeStructures = null,
        string? Variations = null, string? DemandAndSufficiency = null, string? EqualityAndDiversity = null, string? ActionDescription = null,
        string? ActionOwner = null, DateInputValue? ActionDueDate = null);

    public ContractReviewView Review { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        Input = new RecordInput(RiskRating: Review.RiskRating.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        var hasAction = !string.IsNullOrWhiteSpace(Input.ActionDescription) || !string.IsNullOrWhiteSpace(Input.ActionOwner) || Input.ActionDueDate?.IsEmpty == false;
        return await ReadThenSendAsync(
            unreadable => new RecordReviewRequest(Input.Minutes,
                new ReviewAgenda(Input.OutcomesForChildren, Input.OutstandingQaActions, Input.FeeStructures, Input.Variations, Input.DemandAndSufficiency, Input.EqualityAndDiversity),
                hasAction ? [new ReviewActionInput(Input.ActionDescription, Input.ActionOwner, FormValues.Date(Input.ActionDueDate, "The action's due date", unreadable, "Input.ActionDueDate"))] : null,
                FormValues.Choice<RiskRating>(Input.RiskRating)),
            request => reviews.RecordAsync(Actor, id, request, Aborted),
            (_, review) => Done("The contract review has been recorded", "/Contracts/Record", new { dpsId = review.DpsId, providerId = review.ProviderId }),
            async () => await LoadAsync(id) ?? Page(), NewReviewModel.ActionFields, (OutcomeKind.Conflict, ""));
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await reviews.GetAsync(Actor, id, Aborted) is not { } review)
        {
            return NotFound();
        }
        if ((await access.DpsForAuthorityAsync(Actor, review.DpsId, Aborted))?.Lead != true)
        {
            return Forbid();
        }
        Review = review;
        return null;
    }
}

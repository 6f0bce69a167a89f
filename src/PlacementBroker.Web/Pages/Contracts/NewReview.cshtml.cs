using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Web.Pages.Contracts;

/// <summary>Records a contract review held (or schedules one) on the fixed agenda, with the review pack beside it.</summary>
public class NewReviewModel(ContractOverviewService overview, ContractReviewService reviews, ContractAccess access) : ContractsPageModel
{
    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public sealed record ReviewInput(
        DateInputValue? Date = null, string? RiskRating = null, string? Minutes = null, string? OutcomesForChildren = null, string? OutstandingQaActions = null,
        string? FeeStructures = null, string? Variations = null, string? DemandAndSufficiency = null, string? EqualityAndDiversity = null,
        string? ActionDescription = null, string? ActionOwner = null, DateInputValue? ActionDueDate = null);

    public ReviewPack Pack { get; private set; } = null!;

    public static readonly IReadOnlyList<SelectListItem> Ratings = [.. Enum.GetValues<RiskRating>().Select(r => new SelectListItem($"{Words.Name(r)}: reviewed every {ContractReviewService.IntervalMonths(r)} months", r.ToString()))];

    public static readonly IReadOnlyList<(string Field, string Label)> Agenda =
    [
        ("OutcomesForChildren", "Outcomes for children"), ("OutstandingQaActions", "Outstanding QA actions"), ("FeeStructures", "Fee structures"),
        ("Variations", "Variations"), ("DemandAndSufficiency", "Demand and sufficiency"), ("EqualityAndDiversity", "Equality and diversity"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid dpsId, Guid providerId) => await LoadAsync(dpsId, providerId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid dpsId, Guid providerId)
    {
        if (await LoadAsync(dpsId, providerId) is { } refusal)
        {
            return refusal;
        }
        var hasAction = !string.IsNullOrWhiteSpace(Input.ActionDescription) || !string.IsNullOrWhiteSpace(Input.ActionOwner) || Input.ActionDueDate?.IsEmpty == false;
        return await ReadThenSendAsync(
            unreadable => new CreateContractReviewRequest(providerId, dpsId, FormValues.Date(Input.Date, "The date of the review", unreadable, "Input.Date"),
                FormValues.Choice<RiskRating>(Input.RiskRating), Input.Minutes,
                hasAction ? [new ReviewActionInput(Input.ActionDescription, Input.ActionOwner, FormValues.Date(Input.ActionDueDate, "The action's due date", unreadable, "Input.ActionDueDate"))] : null,
                new ReviewAgenda(Input.OutcomesForChildren, Input.OutstandingQaActions, Input.FeeStructures, Input.Variations, Input.DemandAndSufficiency, Input.EqualityAndDiversity)),
            request => reviews.CreateAsync(Actor, request, Aborted),
            (_, review) => Done(review.Status == ContractReviewStatus.Held ? "The contract review has been recorded" : "The contract review has been scheduled",
                "/Contracts/Record", new { dpsId, providerId }),
            async () => await LoadAsync(dpsId, providerId) ?? Page(), ActionFields);
    }

    /// <summary>The service's fields for the one action on the form, and the agenda's, at the form's inputs.</summary>
    public static readonly IReadOnlyDictionary<string, string> ActionFields = new Dictionary<string, string>
    {
        ["actions[0].description"] = "Input.ActionDescription", ["actions[0].owner"] = "Input.ActionOwner", ["actions[0].dueDate"] = "Input.ActionDueDate",
        ["agenda.outcomesForChildren"] = "Input.OutcomesForChildren", ["agenda.outstandingQaActions"] = "Input.OutstandingQaActions",
        ["agenda.feeStructures"] = "Input.FeeStructures", ["agenda.variations"] = "Input.Variations",
        ["agenda.demandAndSufficiency"] = "Input.DemandAndSufficiency", ["agenda.equalityAndDiversity"] = "Input.EqualityAndDiversity",
    };

    private async Task<IActionResult?> LoadAsync(Guid dpsId, Guid providerId)
    {
        var found = await overview.PackAsync(Actor, providerId, dpsId, Aborted);
        if (found.Succeeded && (await access.DpsForAuthorityAsync(Actor, dpsId, Aborted))?.Lead != true)
        {
            // A participating council reads the provider's record; reviews and plans are the lead authority's.
            return Forbid();
        }
        if (!found.Succeeded)
        {
            return Refused(found) ?? NotFound();
        }
        Pack = found.Value!;
        return null;
    }
}

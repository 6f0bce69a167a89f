namespace PlacementBroker.Web.Pages.Admin.SettingReviews;

/// <summary>A platform admin approves a held setting, or rejects it with the reason its provider sees.</summary>
public class ShowModel(SettingService settings) : PlacementBrokerPageModel
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public SettingReviewView Review { get; private set; } = null!;

    public List<SelectListItem> Decisions { get; } = DecisionInput.Choices(
        (SettingReviewDecision.Approve, "Approve: the setting can publish vacancies and be booked"),
        (SettingReviewDecision.Reject, "Reject: the provider sees your reason"));

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        ModelState.Clear();
        var request = new SettingReviewRequest(FormValues.Choice<SettingReviewDecision>(Input.Decision), Input.Reason);
        return Settle(await settings.DecideReviewAsync(Actor, id, request, Aborted), decided => Done(
            decided.ReviewStatus == SettingReviewStatus.Approved ? $"{Review.Name} approved" : $"{Review.Name} rejected", "/Admin/SettingReviews/Index"));
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var review = await settings.ReviewAsync(Actor, id, Aborted);
        if (review is null)
        {
            return false;
        }
        Review = review;
        return true;
    }
}

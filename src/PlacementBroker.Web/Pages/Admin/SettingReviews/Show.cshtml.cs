using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PlacementBroker.Core;
using PlacementBroker.Core.Providers;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.Admin.SettingReviews;

/// <summary>A platform admin approves a held setting, or rejects it with the reason its provider sees.</summary>
public class ShowModel(SettingService settings) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["decision"] = "Input.Decision", ["reason"] = "Input.Reason" };

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public SettingReviewView Review { get; private set; } = null!;

    public List<SelectListItem> Decisions { get; } =
    [
        new("Approve: the setting can publish vacancies and be booked", nameof(SettingReviewDecision.Approve)),
        new("Reject: the provider sees your reason", nameof(SettingReviewDecision.Reject)),
    ];

    public sealed class DecisionInput
    {
        public string? Decision { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        ModelState.Clear();
        var decision = Enum.TryParse<SettingReviewDecision>(Input.Decision, out var d) ? d : (SettingReviewDecision?)null;
        var outcome = await settings.DecideReviewAsync(HttpContext.ToActor(), id, new SettingReviewRequest(decision, Input.Reason), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            TempData["Success"] = outcome.Value!.ReviewStatus == SettingReviewStatus.Approved ? $"{Review.Name} approved" : $"{Review.Name} rejected";
            return Redirect("/admin/setting-reviews");
        }
        if (outcome.Kind is OutcomeKind.Conflict or OutcomeKind.BusinessRule or OutcomeKind.Forbidden)
        {
            ModelState.AddModelError("", outcome.Message!);
        }
        ModelState.AddFieldErrors(outcome.Errors, Fields);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var review = await settings.ReviewAsync(HttpContext.ToActor(), id, HttpContext.RequestAborted);
        if (review is null)
        {
            return false;
        }
        Review = review;
        return true;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PlacementBroker.Core;
using PlacementBroker.Core.Placements;
using PlacementBroker.Core.Vocabulary;
using PlacementBroker.Web.Auth;
using PlacementBroker.Web.TagHelpers;

namespace PlacementBroker.Web.Pages.Placements;

[Authorize(Policy = Policies.PlacingOfficer)]
public class EndModel(PlacementService placements) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["endDate"] = "Input.EndDate",
        ["reason"] = "Input.Reason",
        ["notes"] = "Input.Notes",
    };

    [BindProperty]
    public EndInput Input { get; set; } = new();

    public PlacementView Placement { get; private set; } = null!;

    public List<SelectListItem> Reasons { get; } =
        Display.Options<PlacementEndReason>();

    public sealed class EndInput
    {
        public DateInputValue EndDate { get; set; } = new();
        public string? Reason { get; set; }
        public string? Notes { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await placements.FindAsync(HttpContext.ToActor(), id, audited: false, HttpContext.RequestAborted) is not { } placement)
        {
            return NotFound();
        }
        Placement = placement;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await placements.FindAsync(HttpContext.ToActor(), id, audited: false, HttpContext.RequestAborted) is not { } placement)
        {
            return NotFound();
        }
        Placement = placement;
        ModelState.Clear();
        DateOnly? endDate = null;
        if (!Input.EndDate.IsEmpty)
        {
            var date = Input.EndDate.Read("The end date", out var error);
            if (error is not null)
            {
                ModelState.AddModelError("Input.EndDate", error);
                return Page();
            }
            endDate = date;
        }
        var reason = Enum.TryParse<PlacementEndReason>(Input.Reason, out var r) ? r : (PlacementEndReason?)null;
        var outcome = await placements.EndAsync(HttpContext.ToActor(), id, new EndPlacementRequest(endDate, reason, Input.Notes), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            TempData["Success"] = outcome.Value!.Status == PlacementStatus.Ended
                ? "The placement has ended and its place is back on offer"
                : $"The placement will end on {Words.Date(outcome.Value.EndDate!.Value)}: the child keeps the place until then";
            return Redirect($"/placements/{id}");
        }
        if (outcome.Kind is OutcomeKind.Conflict or OutcomeKind.BusinessRule)
        {
            ModelState.AddModelError("", outcome.Message!);
        }
        ModelState.AddFieldErrors(outcome.Errors, Fields);
        return Page();
    }
}

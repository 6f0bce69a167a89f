using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Placements;
using PlacementBroker.Web.Api;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.Approvals;

[Authorize(Policy = ReferralEndpoints.ReferralReaders)]
public class ShowModel(PlacementService placements, PlacementBrokerDbContext db) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["decision"] = "Input.Decision", ["reason"] = "Input.Reason" };

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public ApprovalView Approval { get; private set; } = null!;
    public bool CanDecide { get; private set; }
    /// <summary>The offering provider, for the link to its QA profile.</summary>
    public Guid ProviderId { get; private set; }

    public List<SelectListItem> Decisions { get; } =
    [
        new("Approve the placement", nameof(ApprovalDecision.Approve)),
        new("Reject it: the place goes back on offer", nameof(ApprovalDecision.Reject)),
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
        if (!CanDecide)
        {
            return Forbid();
        }
        ModelState.Clear();
        var decision = Enum.TryParse<ApprovalDecision>(Input.Decision, out var d) ? d : (ApprovalDecision?)null;
        var outcome = await placements.DecideAsync(HttpContext.ToActor(), id, new ApprovalDecisionRequest(decision, Input.Reason), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            TempData["Success"] = outcome.Value!.Status == ApprovalStatus.Approved ? "Approved: the placement has been made" : "Rejected: the place is back on offer";
            return Redirect("/approvals");
        }
        if (outcome.Kind is OutcomeKind.Conflict or OutcomeKind.BusinessRule)
        {
            ModelState.AddModelError("", outcome.Message!);
        }
        ModelState.AddFieldErrors(outcome.Errors, Fields);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var approval = await placements.ApprovalAsync(HttpContext.ToActor(), id, HttpContext.RequestAborted);
        if (approval is null)
        {
            return false;
        }
        Approval = approval;
        ProviderId = await db.Offers.AsNoTracking().Where(o => o.Id == approval.OfferId).Select(o => o.ProviderId).SingleAsync(HttpContext.RequestAborted);
        CanDecide = approval.Status == ApprovalStatus.Pending && User.GetRole() == Role.PlacementManager;
        return true;
    }
}

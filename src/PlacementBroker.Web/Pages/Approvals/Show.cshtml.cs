namespace PlacementBroker.Web.Pages.Approvals;

[Authorize(Policy = ReferralEndpoints.ReferralReaders)]
public class ShowModel(PlacementService placements, PlacementBrokerDbContext db) : PlacementBrokerPageModel
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public ApprovalView Approval { get; private set; } = null!;
    public bool CanDecide { get; private set; }
    /// <summary>The offering provider, for the link to its QA profile.</summary>
    public Guid ProviderId { get; private set; }

    public List<SelectListItem> Decisions { get; } = DecisionInput.Choices(
        (ApprovalDecision.Approve, "Approve the placement"), (ApprovalDecision.Reject, "Reject it: the place goes back on offer"));

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
        var request = new ApprovalDecisionRequest(FormValues.Choice<ApprovalDecision>(Input.Decision), Input.Reason);
        return Settle(await placements.DecideAsync(Actor, id, request, Aborted), decided => Done(
            decided.Status == ApprovalStatus.Approved ? "Approved: the placement has been made" : "Rejected: the place is back on offer", "/Approvals/Index"));
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var approval = await placements.ApprovalAsync(Actor, id, Aborted);
        if (approval is null)
        {
            return false;
        }
        Approval = approval;
        ProviderId = await db.Offers.AsNoTracking().Where(o => o.Id == approval.OfferId).Select(o => o.ProviderId).SingleAsync(Aborted);
        CanDecide = approval.Status == ApprovalStatus.Pending && User.GetRole() == Role.PlacementManager;
        return true;
    }
}

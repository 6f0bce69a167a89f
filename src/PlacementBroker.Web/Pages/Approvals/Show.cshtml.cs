namespace PlacementBroker.Web.Pages.Approvals;

[Authorize(Policy = ReferralEndpoints.ReferralReaders)]
public class ShowModel(PlacementService placements, ReferralService referrals, OfferService offers, PlacementBrokerDbContext db) : PlacementBrokerPageModel
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public ApprovalView Approval { get; private set; } = null!;
    public bool CanDecide { get; private set; }
    /// <summary>The offering provider, for the link to its QA profile.</summary>
    public Guid ProviderId { get; private set; }

    /// <summary>The referral: the child's age, needs and budget, for the decision.</summary>
    public ReferralView? Referral { get; private set; }
    /// <summary>Every offer on the referral, ranked: this one and those it competes with.</summary>
    public List<OfferView> Offers { get; private set; } = [];
    public OfferView? Offer => Offers.FirstOrDefault(o => o.Id == Approval.OfferId);
    public IEnumerable<OfferView> Competing => Offers.Where(o => o.Id != Approval.OfferId && o.Status != OfferStatus.Withdrawn);
    public int Children => Math.Max(1, Referral?.Child.SiblingGroupSize ?? 1);
    public decimal AnnualCost => PlacementRules.AnnualCost(Approval.WeeklyPrice, Children);

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
        Referral = await referrals.FindAsync(Actor, approval.ReferralId, Aborted);
        Offers = await offers.RankedOffersAsync(Actor, approval.ReferralId, Aborted) ?? [];
        CanDecide = approval.Status == ApprovalStatus.Pending && User.GetRole() == Role.PlacementManager;
        return true;
    }
}

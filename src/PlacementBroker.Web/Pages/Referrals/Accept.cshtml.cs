namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>
/// The check before an officer accepts an offer: what will happen (the child, the provider, the weekly price and the cost
/// for a year). An offer that needs a manager takes the officer's reason, shown to the manager; one that breaks only a rule
/// a manager may waive (a must-have need, the start date) is asked for as an exception, with the reason required.
/// </summary>
public class AcceptModel(ReferralService referrals, OfferService offers, PlacementService placements) : ReferralsPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid OfferId { get; set; }

    [BindProperty]
    public AcceptInput Input { get; set; } = new();

    public sealed record AcceptInput(string? Reason = null);

    public ReferralView Referral { get; private set; } = null!;
    public OfferView Offer { get; private set; } = null!;

    public override IEnumerable<string> FieldOrder => ["Input.Reason"];

    /// <summary>A manager must decide: the offer needs approval, or is asked for as an exception.</summary>
    public bool NeedsApproval => Offer.RequiresApproval || !Offer.Eligible;

    /// <summary>A free place in one of the authority's block contracts is used first.</summary>
    public bool Block => Offer.SuggestedBlockContractId is not null;

    public decimal WeeklyCost => Offer.WeeklyPrice * Math.Max(1, Referral.Child.SiblingGroupSize);

    public decimal AnnualCost => PlacementRules.AnnualCost(Offer.WeeklyPrice, Referral.Child.SiblingGroupSize);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }
        ModelState.Clear();
        var reason = string.IsNullOrWhiteSpace(Input.Reason) ? null : Input.Reason.Trim();
        if (NeedsApproval && reason is null)
        {
            ModelState.AddModelError("Input.Reason", "Say why a manager should approve this offer");
            return Page();
        }
        var request = new AcceptRequest(Block ? PlacementKind.Block : PlacementKind.Spot, Offer.SuggestedBlockContractId, NeedsApproval ? reason : null);
        return await SettleAsync(await placements.AcceptAsync(Actor, OfferId, request, Aborted), accepted => accepted.PlacementId is { } placementId
                ? Done("Offer accepted: the placement has been made", "/Placements/Show", new { id = placementId })
                : Done("Sent to a placement manager for approval. The place is held until they decide.", "/Referrals/Show", new { id = Id }),
            () => Task.FromResult<IActionResult>(Page()));
    }

    /// <summary>The referral and the offer; where to go instead when there is nothing to accept (null when the page can be shown).</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        if (!IsOfficer)
        {
            return Forbid();
        }
        var referral = await referrals.FindAsync(Actor, Id, Aborted);
        var offer = referral is null ? null : (await offers.RankedOffersAsync(Actor, Id, Aborted))?.SingleOrDefault(o => o.Id == OfferId);
        if (referral is null || offer is null)
        {
            return NotFound();
        }
        Referral = referral;
        Offer = offer;
        if (referral.Status != ReferralStatus.Open || offer.Status != OfferStatus.Submitted || !(offer.Eligible || offer.ExceptionPossible))
        {
            return RedirectToPage("/Referrals/Show", new { id = Id });
        }
        return null;
    }
}

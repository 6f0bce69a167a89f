namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>Withdrawing a draft or open referral, with a reason: its offers are released and providers are told.</summary>
public class WithdrawModel(ReferralService referrals) : ReferralsPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public ReferralView Referral { get; private set; } = null!;

    public override IEnumerable<string> FieldOrder => [nameof(Reason)];

    public async Task<IActionResult> OnGetAsync()
    {
        var referral = await referrals.FindAsync(Actor, Id, Aborted);
        if (referral is null)
        {
            return NotFound();
        }
        if (referral.Status is not (ReferralStatus.Draft or ReferralStatus.Open))
        {
            return RedirectToPage("/Referrals/Show", new { id = Id });
        }
        Referral = referral;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Reason is { Length: > 2000 })
        {
            ModelState.AddModelError(nameof(Reason), "The reason must be 2,000 characters or fewer");
            return await OnGetAsync();
        }
        return await SettleAsync(await referrals.WithdrawAsync(Actor, Id, Reason, Aborted),
            _ => Done("The referral is withdrawn. Providers have been told it is closed", "/Referrals/Show", new { id = Id }), OnGetAsync);
    }
}

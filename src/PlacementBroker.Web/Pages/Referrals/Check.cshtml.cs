namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>Check your answers before sending: the draft in full, each answer with a Change link, and "Send to providers".</summary>
public class CheckModel(ReferralService referrals, Core.Sharing.SharingService sharing) : ReferralsPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public ReferralView Referral { get; private set; } = null!;

    public int DocumentCount { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var (draft, elsewhere) = await DraftAsync(referrals, Id);
        if (elsewhere is not null)
        {
            return elsewhere;
        }
        Referral = draft!;
        DocumentCount = (await sharing.ListAsync(Actor, Id, Aborted))?.Count ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        return await SettleAsync(await referrals.PublishDraftAsync(Actor, Id, Aborted),
            sent => Done($"Your referral was sent to {Words.Plural(sent.ProvidersNotified, "provider", "providers")}. Offers appear on this page as they arrive",
                "/Referrals/Show", new { id = Id }),
            OnGetAsync);
    }
}

namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>Deleting an unfinished referral, after a confirmation: nothing was sent, and the answers cannot be got back.</summary>
public class DeleteUnfinishedModel(UnfinishedReferrals unfinished) : ReferralsPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public string? ChildName { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await unfinished.FindAsync(Actor, Id, Aborted) is not { } saved)
        {
            return NotFound();
        }
        ChildName = NewModel.ChildName(saved);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync() =>
        await SettleAsync(await unfinished.DiscardAsync(Actor, Id, Aborted),
            _ => Done("The unfinished referral is deleted", "/Referrals/Index", new { status = nameof(ReferralStatus.Draft) }),
            OnGetAsync);
}

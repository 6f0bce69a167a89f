namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>Changing a draft referral: where the check-your-answers page's "Change" links lead.</summary>
public class EditModel(ReferralService referrals, DpsService dps) : ReferralFormModel(dps)
{
    [FromRoute]
    public Guid Id { get; set; }

    public Task<IActionResult> OnGetAsync() => ShowDraftAsync(referrals, Id);

    public async Task<IActionResult> OnPostAsync(string? save)
    {
        ModelState.Clear();
        var unreadable = new Dictionary<string, string>();
        var outcome = await referrals.UpdateDraftAsync(Actor, Id, ReadRequest(unreadable), Aborted);
        return await AfterSaveAsync(outcome, unreadable, save);
    }
}

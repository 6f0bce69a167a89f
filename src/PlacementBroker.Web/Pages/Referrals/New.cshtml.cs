namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>Writing a referral: saved as a draft, then checked and sent from the check-your-answers page.</summary>
public class NewModel(ReferralService referrals, DpsService dps) : ReferralFormModel(dps)
{
    public async Task OnGetAsync() => await LoadChoicesAsync();

    public async Task<IActionResult> OnPostAsync(string? save)
    {
        ModelState.Clear();
        var unreadable = new Dictionary<string, string>();
        var outcome = await referrals.CreateAsync(Actor, ReadRequest(unreadable), Aborted);
        return await AfterSaveAsync(outcome, unreadable, save);
    }
}

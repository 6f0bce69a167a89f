namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>Writing a referral: saved as a draft, then checked and sent from the check-your-answers page.</summary>
public class NewModel(ReferralService referrals, DpsService dps) : ReferralFormModel(dps)
{
    public async Task OnGetAsync() => await LoadChoicesAsync();

    public async Task<IActionResult> OnPostAsync(string? save)
    {
        ModelState.Clear();
        var unreadable = new Dictionary<string, string>();
        var request = ReadRequest(unreadable);
        var outcome = await referrals.CreateAsync(Actor, request, Aborted);
        if (outcome.Succeeded)
        {
            if (save == "draft")
            {
                Success($"Your referral for {Input.FirstName?.Trim()} is saved as a draft. Nothing has been sent to providers");
                return Redirect("/referrals?status=Draft");
            }
            return Redirect($"/referrals/{outcome.Value!.Id}/check");
        }
        if (ShowRefusal(outcome, unreadable) is { } refused)
        {
            return refused;
        }
        await LoadChoicesAsync();
        return Page();
    }
}

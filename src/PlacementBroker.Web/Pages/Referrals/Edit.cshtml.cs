namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>Changing a draft referral: where the check-your-answers page's "Change" links lead.</summary>
public class EditModel(ReferralService referrals, DpsService dps) : ReferralFormModel(dps)
{
    [FromRoute]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var referral = await referrals.FindAsync(Actor, Id, Aborted);
        if (referral is null)
        {
            return NotFound();
        }
        if (referral.Status != ReferralStatus.Draft)
        {
            return Redirect($"/referrals/{Id}");
        }
        Input = ReferralInput.From(referral);
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? save)
    {
        ModelState.Clear();
        var unreadable = new Dictionary<string, string>();
        var outcome = await referrals.UpdateDraftAsync(Actor, Id, ReadRequest(unreadable), Aborted);
        if (outcome.Succeeded)
        {
            if (save == "draft")
            {
                Success($"Your referral for {Input.FirstName?.Trim()} is saved as a draft. Nothing has been sent to providers");
                return Redirect("/referrals?status=Draft");
            }
            return Redirect($"/referrals/{Id}/check");
        }
        if (ShowRefusal(outcome, unreadable) is { } refused)
        {
            return refused;
        }
        await LoadChoicesAsync();
        return Page();
    }
}

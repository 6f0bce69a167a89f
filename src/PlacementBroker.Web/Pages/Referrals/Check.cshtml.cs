using Microsoft.AspNetCore.Mvc;
using PlacementBroker.Core;
using PlacementBroker.Core.Referrals;
using PlacementBroker.Core.Vocabulary;

namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>Check your answers before sending: the draft in full, each answer with a Change link, and "Send to providers".</summary>
public class CheckModel(ReferralService referrals) : ReferralsPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public ReferralView Referral { get; private set; } = null!;

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
        Referral = referral;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await referrals.PublishDraftAsync(Actor, Id, Aborted);
        if (outcome.Succeeded)
        {
            Success($"Your referral was sent to {Words.Plural(outcome.Value!.ProvidersNotified, "provider", "providers")}. Offers appear on this page as they arrive");
            return Redirect($"/referrals/{Id}");
        }
        if (Refused(outcome) is { } refused)
        {
            return refused;
        }
        return await OnGetAsync();
    }

    public string Change(string field) => $"/referrals/{Id}/edit#Input_{field}";
}

namespace PlacementBroker.Web.Pages.Provider.Referrals;

/// <summary>Declining a referral with a reason: declines are data about unmet need.</summary>
public class DeclineModel(OfferService offers) : ProviderReferralPageModel(offers)
{
    public override IEnumerable<string> FieldOrder => [nameof(Reason), nameof(Detail)];

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Detail { get; set; }

    public static List<SelectListItem> Reasons => Display.Options<DeclineReason>();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        return Referral.Status == ReferralStatus.Open && !Referral.Declined ? Page() : RedirectToPage("/Provider/Referrals/Show", new { id = Id });
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        return await SettleAsync(await Offers.DeclineAsync(Actor, Id, new DeclineRequest(FormValues.Choice<DeclineReason>(Reason), Detail), Aborted),
            _ => Done("You declined the referral. Thank you for saying why: it helps councils see where placements are missing", "/Provider/Referrals/Show", new { id = Id }),
            () => PageIfFoundAsync(LoadAsync()));
    }
}

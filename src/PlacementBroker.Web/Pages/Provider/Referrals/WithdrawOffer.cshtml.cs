namespace PlacementBroker.Web.Pages.Provider.Referrals;

/// <summary>The check before a provider withdraws an offer: what it offered (the weekly price and the cost for a year) and what withdrawing does.</summary>
public class WithdrawOfferModel(OfferService offers, VacancyService vacancies) : ProviderReferralPageModel(offers)
{
    [FromRoute]
    public Guid OfferId { get; set; }

    public ProviderOfferSummary Offer { get; private set; } = null!;
    public string SettingName { get; private set; } = "";

    public decimal AnnualCost => PlacementRules.AnnualCost(Offer.WeeklyPrice, Referral.SiblingGroupSize);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        return Offer.Status is OfferStatus.Submitted or OfferStatus.PendingApproval ? Page() : RedirectToPage("/Provider/Referrals/Show", new { id = Id });
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        return await SettleAsync(await Offers.WithdrawAsync(Actor, OfferId, Aborted),
            _ => Done("Your offer is withdrawn", "/Provider/Referrals/Show", new { id = Id }),
            () => Task.FromResult<IActionResult>(Page()));
    }

    /// <summary>The referral and one of the provider's own offers on it; any other offer is not found.</summary>
    protected override async Task<bool> LoadAsync()
    {
        if (!await base.LoadAsync() || Referral.MyOffers.SingleOrDefault(o => o.Id == OfferId) is not { } offer)
        {
            return false;
        }
        Offer = offer;
        SettingName = (await vacancies.FindAsync(Actor, offer.VacancyId, Aborted))?.SettingName ?? "your vacancy";
        return true;
    }
}

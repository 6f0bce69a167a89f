namespace PlacementBroker.Web.Pages.Provider.Referrals;

/// <summary>One referral as the provider sees it (anonymised), which of its vacancies fit, and its offers on it.</summary>
public class ShowModel(OfferService offers, VacancyService vacancies, TimeProvider clock) : ProviderReferralPageModel(offers)
{
    public List<VacancyView> Vacancies { get; private set; } = [];

    public bool DeadlinePassed => Referral.OfferDeadline <= clock.GetUtcNow().UtcDateTime;

    public bool CanAnswer => Referral.Status == ReferralStatus.Open && !DeadlinePassed;

    public bool HasLiveOffer => Referral.MyOffers.Any(o => o.Status is OfferStatus.Submitted or OfferStatus.PendingApproval or OfferStatus.Accepted);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>How each of the provider's open vacancies in the lot fits: what those that do not fit fail to meet.</summary>
    public Dictionary<Guid, VacancyFit> Fits { get; private set; } = [];

    /// <summary>The referral and the provider's vacancies in its lot.</summary>
    protected override async Task<bool> LoadAsync()
    {
        if (!await base.LoadAsync())
        {
            return false;
        }
        Vacancies = (await vacancies.ListAsync(Actor, new VacancyFilter(LotId: Referral.LotId), Aborted)).Value ?? [];
        Fits = Referral.Status == ReferralStatus.Open ? await Offers.VacancyFitAsync(Actor, Id, Aborted) ?? [] : [];
        return true;
    }

    public VacancyView? Vacancy(Guid id) => Vacancies.FirstOrDefault(v => v.Id == id);
}

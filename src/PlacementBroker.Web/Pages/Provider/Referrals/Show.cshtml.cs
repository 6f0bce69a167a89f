namespace PlacementBroker.Web.Pages.Provider.Referrals;

/// <summary>One referral as the provider sees it (anonymised), which of its vacancies fit, and its offers on it.</summary>
public class ShowModel(OfferService offers, VacancyService vacancies, Core.Sharing.SharingService sharing, TimeProvider clock) : ProviderReferralPageModel(offers)
{
    /// <summary>The documents the provider's stage allows, and its questions with the answers shared with every provider.</summary>
    public List<Core.Sharing.DocumentView> Documents { get; private set; } = [];
    public List<Core.Sharing.ReferralQuestionView> Questions { get; private set; } = [];

    [BindProperty]
    public string? QuestionText { get; set; }

    public bool CanAsk => Referral.Status == ReferralStatus.Open;

    /// <summary>Shortlisted or placed, and the officer has shared nothing at that stage.</summary>
    public bool NothingSharedYet => Referral.Stage != Core.Sharing.SharingStage.Recipient && Documents.Count == 0;

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
        Documents = await sharing.ListAsync(Actor, Id, Aborted) ?? [];
        Questions = await sharing.QuestionsAsync(Actor, Id, Aborted) ?? [];
        return true;
    }

    /// <summary>Asks the placing officer a question: no other provider learns who asked.</summary>
    public async Task<IActionResult> OnPostAskAsync()
    {
        ModelState.Clear();
        return await SettleAsync(await sharing.AskAsync(Actor, Id, new Core.Sharing.QuestionRequest(QuestionText), Aborted),
            _ => Done("Your question has been sent to the placing officer. You will be emailed when it is answered", "/Provider/Referrals/Show", new { id = Id }),
            () => PageIfFoundAsync(LoadAsync()), new Dictionary<string, string> { ["text"] = nameof(QuestionText) });
    }

    /// <summary>A document the provider's stage allows, as an attachment, never cached; the download is audited.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid documentId)
    {
        var outcome = await sharing.DownloadAsync(Actor, documentId, Aborted);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        var file = outcome.Value!;
        Web.Documents.DocumentDownload.Protect(Response);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public VacancyView? Vacancy(Guid id) => Vacancies.FirstOrDefault(v => v.Id == id);
}

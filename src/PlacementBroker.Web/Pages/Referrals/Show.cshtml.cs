namespace PlacementBroker.Web.Pages.Referrals;

/// <param name="SiblingGroupSize">The children the referral is for: offers are priced per child, so a group's total is shown too.</param>
/// <param name="Withdrawn">The offers their providers withdrew: they leave the ranking, and are listed so the officer knows they went.</param>
public sealed record OffersPanel(Guid ReferralId, IReadOnlyList<OfferView> Offers, bool CanAccept = false, int SiblingGroupSize = 1,
    IReadOnlyList<WithdrawnOfferView>? Withdrawn = null);

/// <summary>The providers' questions on the officer's page; the answer form of <paramref name="Posted"/> shows what was posted and its errors.</summary>
public sealed record QuestionsPanel(Guid ReferralId, IReadOnlyList<Core.Sharing.ReferralQuestionView> Questions, bool CanAnswer, Guid? Posted, string? AnswerText,
    string? ShareWithAll, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary? Errors);

/// <summary>
/// The referral as its authority sees it (an audited read of the child's identity), its offers ranked and explained
/// (refetched live by /js/referral-live.js through the Offers handler) and the potential matches.
/// </summary>
public class ShowModel(ReferralService referrals, OfferService offers, PlacementService placements, Core.Sharing.SharingService sharing, TimeProvider clock)
    : ReferralsPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public ReferralView Referral { get; private set; } = null!;
    public OffersPanel Offers { get; private set; } = null!;
    public List<MatchView> Matches { get; private set; } = [];

    /// <summary>The providers that declined the referral, with their reasons.</summary>
    public IReadOnlyList<DeclineView> Declines { get; private set; } = [];

    /// <summary>The placement made for the referral, once it is placed.</summary>
    public (Guid Id, DateOnly StartDate, PlacementStatus Status)? Placement { get; private set; }

    public DateOnly Today => UkTime.Today(clock);

    /// <summary>The documents attached for providers, and providers' questions with any answers.</summary>
    public List<Core.Sharing.DocumentView> Documents { get; private set; } = [];
    public List<Core.Sharing.ReferralQuestionView> Questions { get; private set; } = [];

    /// <summary>The question whose answer was posted: its form shows the errors.</summary>
    [BindProperty]
    public Guid? QuestionId { get; set; }

    [BindProperty]
    public string? AnswerText { get; set; }

    [BindProperty]
    public string? ShareWithAll { get; set; }

    /// <summary>How many vacancies the potential matches were chosen from, and how many there were in all.</summary>
    public (int Considered, int Found) MatchesFrom { get; private set; }

    public bool DeadlinePassed => Referral.OfferDeadline <= clock.GetUtcNow().UtcDateTime;

    public bool CanWithdraw => IsOfficer && Referral.Status is ReferralStatus.Draft or ReferralStatus.Open;

    public bool CanRebroadcast => IsOfficer && (Referral.Status == ReferralStatus.Unfilled || (Referral.Status == ReferralStatus.Open && DeadlinePassed));

    public async Task<IActionResult> OnGetAsync()
    {
        var referral = await referrals.FindAsync(Actor, Id, Aborted);
        if (referral is null)
        {
            return NotFound();
        }
        Referral = referral;
        Offers = new OffersPanel(Id, await offers.RankedOffersAsync(Actor, Id, Aborted) ?? [], IsOfficer && referral.Status == ReferralStatus.Open,
            referral.Child.SiblingGroupSize, await offers.WithdrawnOffersAsync(Actor, Id, Aborted));
        var potential = await offers.PotentialMatchesAsync(Actor, Id, Aborted);
        Matches = potential?.Matches ?? [];
        MatchesFrom = (potential?.VacanciesConsidered ?? 0, potential?.VacanciesFound ?? 0);
        Placement = referral.Status == ReferralStatus.Placed ? await placements.ForReferralAsync(Actor, Id, Aborted) : null;
        Declines = referral.Declines > 0 ? await referrals.DeclinesAsync(Actor, Id, Aborted) : [];
        Documents = await sharing.ListAsync(Actor, Id, Aborted) ?? [];
        Questions = await sharing.QuestionsAsync(Actor, Id, Aborted) ?? [];
        return Page();
    }

    /// <summary>Shortlists an offer (its provider then sees the documents shared at shortlisting), or takes it off the shortlist.</summary>
    public async Task<IActionResult> OnPostShortlistAsync(Guid offerId, bool shortlist) =>
        await SettleAsync(shortlist ? await sharing.ShortlistAsync(Actor, offerId, Aborted) : await sharing.RemoveFromShortlistAsync(Actor, offerId, Aborted),
            s => Done(s.Shortlisted
                    ? "Offer shortlisted. The provider has been emailed, and can now see the documents shared when shortlisted"
                    : "Offer taken off the shortlist. The provider can no longer see the documents shared when shortlisted",
                "/Referrals/Show", new { id = Id }),
            OnGetAsync);

    /// <summary>Answers a provider's question, to that provider or to every provider the referral was sent to.</summary>
    public async Task<IActionResult> OnPostAnswerAsync()
    {
        ModelState.Clear();
        bool? toAll = ShareWithAll switch { "true" => true, "false" => false, _ => null };
        return await SettleAsync(await sharing.AnswerAsync(Actor, QuestionId ?? Guid.Empty, new Core.Sharing.AnswerRequest(AnswerText, toAll), Aborted),
            q => Done(q.SharedWithAll ? "Answer sent to every provider the referral was sent to" : "Answer sent to the provider who asked", "/Referrals/Show",
                new { id = Id }),
            OnGetAsync, new Dictionary<string, string> { ["text"] = nameof(AnswerText), ["shareWithAll"] = nameof(ShareWithAll) });
    }

    /// <summary>The questions alone, as on the page: what the live script swaps in when a provider asks one.</summary>
    public async Task<IActionResult> OnGetQuestionsAsync()
    {
        if (await sharing.QuestionsAsync(Actor, Id, Aborted) is not { } questions)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        Questions = questions;
        var state = await referrals.StatusAsync(Actor, Id, Aborted);
        return Partial("_Questions", new QuestionsPanel(Id, questions, IsOfficer && state == ReferralStatus.Open, null, null, null, null));
    }

    public QuestionsPanel QuestionsPanelFor() =>
        new(Id, Questions, IsOfficer && Referral.Status == ReferralStatus.Open, QuestionId, AnswerText, ShareWithAll,
            ModelState.IsValid ? null : ModelState);

    /// <summary>The ranked offers alone, rendered as on the page: what the live script swaps in when offers change.</summary>
    public async Task<IActionResult> OnGetOffersAsync()
    {
        var ranked = await offers.RankedOffersAsync(Actor, Id, Aborted);
        if (ranked is null)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        // The status and the group's size in one read (the ranking has already found the referral is the actor's own).
        var state = await referrals.StatusAndGroupSizeAsync(Actor, Id, Aborted);
        return Partial("_Offers", new OffersPanel(Id, ranked, IsOfficer && state?.Status == ReferralStatus.Open,
            state?.SiblingGroupSize ?? 1, await offers.WithdrawnOffersAsync(Actor, Id, Aborted)));
    }

    /// <summary>
    /// The officer asks the provider of an offer that does not fit to update its vacancy (accepting is on its own check
    /// page, <see cref="AcceptModel"/>): the provider is emailed what the vacancy does not meet.
    /// </summary>
    public async Task<IActionResult> OnPostAskProviderAsync(Guid offerId) =>
        await SettleAsync(await offers.AskProviderToUpdateAsync(Actor, offerId, Aborted),
            _ => Done("The provider has been asked to update its vacancy. The offer is judged again as soon as it does", "/Referrals/Show", new { id = Id }),
            OnGetAsync);
}

using Microsoft.AspNetCore.RateLimiting;

namespace PlacementBroker.Web.Pages.Provider.Referrals;

/// <summary>
/// Making an offer. The form carries an idempotency key made when it is shown, so a double click or a resubmitted
/// form answers with the offer already made instead of making another.
/// </summary>
[EnableRateLimiting(Hosting.AbuseLimits.Offers)]
public class OfferModel(OfferService offers, VacancyService vacancies) : ProviderReferralPageModel(offers)
{
    private static readonly Dictionary<string, string> Fields = new() { ["oneToOneHoursPerWeek"] = "Input.OneToOneHours" };

    public override IEnumerable<string> FieldOrder => ["Input.VacancyId", "Input.WeeklyPrice", "Input.StartDate", "Input.Included", "Input.OneToOneHours", "Input.Notes"];

    [BindProperty]
    public OfferInput Input { get; set; } = new();

    public List<SelectListItem> Vacancies { get; private set; } = [];

    /// <summary>The provider's open vacancies in the lot, and how each fits the referral.</summary>
    public List<VacancyView> OpenVacancies { get; private set; } = [];
    public Dictionary<Guid, VacancyFit> Fits { get; private set; } = [];

    /// <summary>The vacancies that do not fit, with what each does not meet: shown before anything is sent.</summary>
    public IEnumerable<(VacancyView Vacancy, VacancyFit Fit)> Misfits =>
        OpenVacancies.Where(v => Fits.TryGetValue(v.Id, out var fit) && !fit.Fits).Select(v => (v, Fits[v.Id]));

    /// <summary>The chosen vacancy does not fit: the provider is shown why and asked to update it or to send anyway.</summary>
    public (VacancyView Vacancy, VacancyFit Fit)? ChosenMisfit { get; private set; }
    public bool HasVacancies => Vacancies.Count > 1;

    public static List<SelectListItem> Inclusions =>
    [
        new("Education", "Education"),
        new("Therapy", "Therapy"),
    ];

    public sealed record OfferInput(
        string? IdempotencyKey = null, string? VacancyId = null, string? WeeklyPrice = null, DateInputValue? StartDate = null,
        IReadOnlyList<string>? Included = null, string? OneToOneHours = null, string? Notes = null, string? SendAnyway = null);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (Referral.Status != ReferralStatus.Open)
        {
            return RedirectToPage("/Provider/Referrals/Show", new { id = Id });
        }
        Input = new(Guid.NewGuid().ToString("N"), Referral.MatchingVacancyIds.Count == 1 ? Referral.MatchingVacancyIds[0].ToString() : null,
            StartDate: DateInputValue.From(Referral.StartDate));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var unreadable = new Dictionary<string, string>();
        var price = FormValues.Money(Input.WeeklyPrice, "The weekly price must be an amount in pounds, like 5400 or 5400.50", unreadable, "Input.WeeklyPrice");
        var start = FormValues.Date(Input.StartDate, "The start date", unreadable, "Input.StartDate");
        var hours = FormValues.Money(Input.OneToOneHours, "One-to-one hours must be a number, like 10 or 7.5", unreadable, "Input.OneToOneHours");
        // A blank start date means the referral's; one that cannot be read must not become it, nor unreadable hours none.
        if (unreadable.ContainsKey("Input.StartDate"))
        {
            start = DateOnly.MinValue;
        }
        if (unreadable.ContainsKey("Input.OneToOneHours"))
        {
            hours = -1;
        }
        // A vacancy that does not fit is not sent on the first press: the provider sees what it does not meet first.
        if (Input.SendAnyway != "yes" && FormValues.Id(Input.VacancyId) is { } chosen && !unreadable.Any())
        {
            if (!await LoadAsync())
            {
                return NotFound();
            }
            if (Misfits.FirstOrDefault(m => m.Vacancy.Id == chosen) is { Vacancy: not null } misfit)
            {
                ChosenMisfit = misfit;
                return Page();
            }
        }
        var included = Input.Included ?? [];
        var request = new SubmitOfferRequest(
            FormValues.Id(Input.VacancyId), price, start, Input.Notes, included.Contains("Education"), included.Contains("Therapy"), hours);
        // The one exception: a rule the chosen vacancy breaks (closed, full, another lot) is shown at the vacancy.
        return await SettleAsync(await Offers.SubmitAsync(Actor, Id, request, Input.IdempotencyKey, Aborted),
            sent => Done(sent.Replayed
                    ? "Your offer was already sent: it has not been sent twice"
                    : "Your offer is sent. The placing officer sees it at once, ranked with any others",
                "/Provider/Referrals/Show", new { id = Id }),
            () => PageIfFoundAsync(LoadAsync()), Fields, unreadable, (OutcomeKind.BusinessRule, "Input.VacancyId"));
    }

    /// <summary>The referral, and the provider's open vacancies in its lot with the ones that fit first.</summary>
    protected override async Task<bool> LoadAsync()
    {
        if (!await base.LoadAsync())
        {
            return false;
        }
        var referral = Referral;
        var open = (await vacancies.ListAsync(Actor, new VacancyFilter(LotId: referral.LotId, Status: VacancyStatus.Open), Aborted)).Value ?? [];
        OpenVacancies = open;
        Fits = await Offers.VacancyFitAsync(Actor, Id, Aborted) ?? [];
        var fits = referral.MatchingVacancyIds.ToHashSet();
        Vacancies = [new("Select a vacancy", ""),
            .. open.OrderByDescending(v => fits.Contains(v.Id)).ThenBy(v => v.SettingName).ThenBy(v => v.WeeklyPrice)
                .Select(v => new SelectListItem(
                    $"{v.SettingName}: {Words.Plural(v.Places, "place", "places")}, ages {Words.Ages(v.AgeMin, v.AgeMax)}, {Words.Pence(v.WeeklyPrice)} a week{(fits.Contains(v.Id) ? " (fits this referral)" : "")}",
                    v.Id.ToString()))];
        return true;
    }
}

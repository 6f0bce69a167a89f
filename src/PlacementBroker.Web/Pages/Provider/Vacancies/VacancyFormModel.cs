namespace PlacementBroker.Web.Pages.Provider.Vacancies;

/// <summary>The vacancy form, shared by publishing and changing a vacancy. The service holds every rule.</summary>
public abstract class VacancyFormModel(SettingService settings, MembershipService memberships) : ProviderPageModel
{
    public override IEnumerable<string> FieldOrder =>
    [
        "Input.SettingId", "Input.LotId", "Input.Places", "Input.AgeMin", "Input.AgeMax", "Input.Genders", "Input.NeedsMet",
        "Input.WeeklyPrice", "Input.AvailableFrom",
    ];

    [BindProperty]
    public VacancyInput Input { get; set; } = new();

    public List<SelectListItem> Settings { get; private set; } = [];
    public List<SelectListItem> Lots { get; private set; } = [];
    public bool HasSettings { get; private set; }
    public bool HasAdmittedLots { get; private set; }

    public List<SelectListItem> Genders { get; } = Display.Options<Gender>();
    public List<SelectListItem> Needs { get; } = Display.Options<Need>();

    public sealed record VacancyInput(
        string? SettingId = null, string? LotId = null, string? Places = null, string? AgeMin = null, string? AgeMax = null,
        IReadOnlyList<string>? Genders = null, IReadOnlyList<string>? NeedsMet = null, string? WeeklyPrice = null, DateInputValue? AvailableFrom = null)
    {
        public static VacancyInput From(VacancyView v) => new(
            v.SettingId.ToString(), v.LotId.ToString(),
            v.Places.ToString(CultureInfo.InvariantCulture), v.AgeMin.ToString(CultureInfo.InvariantCulture), v.AgeMax.ToString(CultureInfo.InvariantCulture),
            [.. v.Genders.Select(g => g.ToString())], [.. v.NeedsMet.Select(n => n.ToString())],
            v.WeeklyPrice.ToString("0.00", CultureInfo.InvariantCulture), DateInputValue.From(v.AvailableFrom));
    }

    /// <summary>Own settings, and the lots the provider is admitted to (plus the vacancy's own lot when changing it).</summary>
    protected async Task LoadChoicesAsync(VacancyView? current = null)
    {
        var own = await settings.ForProviderAsync(Actor, ProviderId, Aborted);
        HasSettings = own.Count > 0;
        Settings = [new("Select a setting", ""),
            .. own.Select(s => new SelectListItem(s.Closed ? $"{s.Name} (registration closed)"
                : s.ReviewStatus != SettingReviewStatus.Approved ? $"{s.Name} ({Words.InSentence(s.ReviewStatus)})" : s.Name, s.Id.ToString()))];
        var lots = (await memberships.ForProviderAsync(ProviderId, Aborted))
            .Where(m => m.Status == MembershipStatus.Admitted || m.LotId == current?.LotId)
            .ToList();
        HasAdmittedLots = lots.Any(m => m.Status == MembershipStatus.Admitted);
        Lots = [new("Select a lot", ""),
            .. lots.Select(m => new SelectListItem(
                $"{m.LotName} ({m.DpsName}){(m.Status == MembershipStatus.Admitted ? "" : $": {Words.InSentence(m.Status)}")}",
                m.LotId.ToString()))];
        if (current is not null && lots.All(m => m.LotId != current.LotId))
        {
            Lots.Add(new SelectListItem($"{current.LotName}: not a member", current.LotId.ToString()));
        }
    }

    /// <summary>Reads the form, asks the service, and shows its answer: success, field errors, or the rule it breaks.</summary>
    protected async Task<IActionResult> SaveAsync(Func<VacancyRequest, Task<Outcome<Vacancy>>> save, Func<Vacancy, string> success, VacancyView? current = null)
    {
        ModelState.Clear();
        var unreadable = new Dictionary<string, string>();
        var places = FormValues.WholeNumber(Input.Places, "Places must be a whole number, like 2", unreadable, "Input.Places");
        var ageMin = FormValues.WholeNumber(Input.AgeMin, "The youngest age must be a whole number of years, like 8", unreadable, "Input.AgeMin");
        var ageMax = FormValues.WholeNumber(Input.AgeMax, "The oldest age must be a whole number of years, like 17", unreadable, "Input.AgeMax");
        var price = FormValues.Money(Input.WeeklyPrice, "The weekly price must be an amount in pounds, like 4850 or 4850.50", unreadable, "Input.WeeklyPrice");
        var from = FormValues.Date(Input.AvailableFrom, "The available from date", unreadable, "Input.AvailableFrom");

        // Every number and the date are required by the service: one that cannot be read goes as missing, so the
        // service refuses and reports the other fields too, and the page shows why that one could not be read.
        var request = new VacancyRequest(
            FormValues.Id(Input.SettingId),
            FormValues.Id(Input.LotId),
            places, ageMin, ageMax,
            [.. (Input.Genders ?? []).Select(FormValues.Choice<Gender>).OfType<Gender>()],
            [.. (Input.NeedsMet ?? []).Select(FormValues.Choice<Need>).OfType<Need>()],
            price, from);
        // A rule one field breaks, such as the law on age, is shown at that field; the one exception is a rule of the lot
        // without a field (not admitted to it, suspended from it, or the setting's registration closed), shown at the lot.
        return await SettleAsync(await save(request), saved => Done(success(saved), "/Provider/Vacancies/Index"),
            () => PageAsync(() => LoadChoicesAsync(current)), unreadable: unreadable, messageAt: (OutcomeKind.BusinessRule, "Input.LotId"));
    }
}

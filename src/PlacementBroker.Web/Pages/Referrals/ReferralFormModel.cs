namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>The referral form, shared by writing a referral and changing a draft. The service holds every rule.</summary>
public abstract class ReferralFormModel(DpsService dps) : ReferralsPageModel
{
    /// <summary>
    /// The form's short sections, each a question page of its own when a draft's answer is changed: the address's
    /// name, its heading and its fields in the order it asks them.
    /// </summary>
    public sealed record Section(string Slug, string Title, IReadOnlyList<string> Fields);

    public static readonly IReadOnlyList<Section> Sections =
    [
        new("placement", "The placement", ["Input.LotId", "Input.Urgency", "Input.StartDate", "Input.Duration"]),
        new("child", "The child", ["Input.Reference", "Input.FirstName", "Input.LastName", "Input.DateOfBirth", "Input.Gender",
            "Input.SiblingGroupSize", "Input.LegalStatus", "Input.WishesAndFeelings"]),
        new("needs", "Needs and risks", ["Input.Needs", "Input.RiskSummary", "Input.CulturalNeeds", "Input.ProviderSummary"]),
        new("location", "Where the child lives", ["Input.HomePostcode", "Input.MaxDistanceMiles", "Input.OutOfAreaRequired"]),
        new("budget", "Budget and deadline", ["Input.WeeklyBudget", "Input.DeadlineDate", "Input.DeadlineTime"]),
    ];

    /// <summary>The section that asks a field ("FirstName", "Input.FirstName"); the first when none does.</summary>
    public static Section SectionOf(string field)
    {
        var key = field.StartsWith("Input.", StringComparison.Ordinal) ? field : "Input." + field;
        key = key == "Input.MustHaveNeeds" ? "Input.Needs" : key;
        return Sections.FirstOrDefault(s => s.Fields.Contains(key)) ?? Sections[0];
    }

    /// <summary>The form's fields in the order it asks them.</summary>
    public override IEnumerable<string> FieldOrder => Sections.SelectMany(s => s.Fields);

    [BindProperty]
    public ReferralInput Input { get; set; } = new();

    public List<SelectListItem> Lots { get; private set; } = [];

    public static List<SelectListItem> Urgencies =>
    [
        new("Emergency: same day", nameof(Urgency.Emergency)),
        new("Urgent: within 72 hours", nameof(Urgency.Urgent)),
        new("Planned", nameof(Urgency.Planned)),
    ];

    public static List<SelectListItem> Durations => Display.Options<PlacementDuration>();

    public static List<SelectListItem> Genders => Display.Options<Gender>();

    public static List<SelectListItem> Needs => Display.Options<Need>();

    public sealed record ReferralInput(
        string? LotId = null, string? Urgency = null, DateInputValue? StartDate = null, string? Duration = null, string? Reference = null,
        string? FirstName = null, string? LastName = null, DateInputValue? DateOfBirth = null, string? Gender = null, string? SiblingGroupSize = "1",
        IReadOnlyList<string>? Needs = null, IReadOnlyList<string>? MustHaveNeeds = null, string? WishesAndFeelings = null, string? LegalStatus = null,
        string? RiskSummary = null, string? CulturalNeeds = null, string? HomePostcode = null, string? MaxDistanceMiles = null, bool OutOfAreaRequired = false, string? WeeklyBudget = null, DateInputValue? DeadlineDate = null,
        string? DeadlineTime = null, string? ProviderSummary = null)
    {
        public static ReferralInput From(ReferralView r)
        {
            var (deadlineDate, deadlineTime) = EnglandTime.LocalParts(r.OfferDeadline);
            var child = r.Child;
            return new(r.LotId.ToString(), r.Urgency.ToString(), DateInputValue.From(r.StartDate), r.Duration.ToString(),
                child.Reference, child.FirstName, child.LastName, DateInputValue.From(child.DateOfBirth), child.Gender.ToString(),
                child.SiblingGroupSize.ToString(CultureInfo.InvariantCulture),
                [.. child.Needs.Select(n => n.ToString())], [.. child.MustHaveNeeds.Select(n => n.ToString())],
                child.WishesAndFeelings, child.LegalStatus, child.RiskSummary, child.CulturalNeeds, r.HomePostcode,
                Miles(r.MaxDistanceMiles), r.OutOfAreaRequired, Budget(r.WeeklyBudget), DateInputValue.From(deadlineDate), deadlineTime, r.ProviderSummary);
        }

        /// <summary>
        /// These saved answers with one section's answers as posted (a section's question page posts only its own); with
        /// <paramref name="take"/>, only the section's fields it names (the valid ones, when saving to come back later).
        /// </summary>
        public ReferralInput With(ReferralInput posted, Section section, Func<string, bool>? take = null)
        {
            object copy = this with { };
            foreach (var field in section.Fields.Where(f => take?.Invoke(f) ?? true))
            {
                var name = field["Input.".Length..];
                // Must-haves are asked within the list of needs.
                foreach (var property in name == nameof(Needs) ? [nameof(Needs), nameof(MustHaveNeeds)] : new[] { name })
                {
                    var info = typeof(ReferralInput).GetProperty(property)!;
                    info.SetValue(copy, info.GetValue(posted));
                }
            }
            return (ReferralInput)copy;
        }

        /// <summary>A distance as the form shows it again: "20", "12.5".</summary>
        public static string Miles(double miles) => miles.ToString("0.#", CultureInfo.InvariantCulture);

        /// <summary>A budget as the form shows it again: "5500", "5500.50".</summary>
        public static string Budget(decimal budget) => budget.ToString(budget == decimal.Truncate(budget) ? "0" : "0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>The officer's own draft, in the form to change it; another's, or one already sent, goes elsewhere.</summary>
    protected async Task<IActionResult> ShowDraftAsync(ReferralService referrals, Guid id)
    {
        var (draft, elsewhere) = await DraftAsync(referrals, id);
        if (elsewhere is not null)
        {
            return elsewhere;
        }
        Input = ReferralInput.From(draft!);
        await LoadChoicesAsync();
        return Page();
    }

    /// <summary>The lots of the open DPSs the officer's authority leads or takes part in.</summary>
    protected async Task LoadChoicesAsync()
    {
        Lots = [new("Select a lot", ""), .. await LotChoicesAsync(dps, User.GetLocalAuthorityId(), Aborted)];
    }

    public static async Task<List<SelectListItem>> LotChoicesAsync(DpsService dps, Guid? authorityId, CancellationToken ct) =>
        authorityId is { } la
            ? [.. (await dps.ListForAuthorityAsync(la, ct)).Where(d => d.Status == DpsStatus.Open)
                .SelectMany(d => d.Lots.Select(l => new SelectListItem($"{l.Name} ({d.Name})", l.Id.ToString())))]
            : [];

    /// <summary>Reads the form into the service's request; what cannot be read goes as missing, with the page's own message.</summary>
    protected CreateReferralRequest ReadRequest(Dictionary<string, string> unreadable)
    {
        var startDate = FormValues.Date(Input.StartDate, "The start date", unreadable, "Input.StartDate");
        var dateOfBirth = FormValues.Date(Input.DateOfBirth, "The date of birth", unreadable, "Input.DateOfBirth");
        var deadline = ReadDeadline(Input.DeadlineDate, Input.DeadlineTime, unreadable);
        var siblings = FormValues.WholeNumber(Input.SiblingGroupSize, "The number of children must be a whole number, like 2", unreadable, "Input.SiblingGroupSize");
        var miles = FormValues.Miles(Input.MaxDistanceMiles, MilesMessage, unreadable, "Input.MaxDistanceMiles");
        var budget = FormValues.Money(Input.WeeklyBudget, "The weekly budget must be an amount in pounds, like 5500 or 5500.50", unreadable, "Input.WeeklyBudget");
        // An optional value that could not be read must still stop the referral being saved: send what the service
        // refuses at that same field, so its message gives way to the page's.
        if (unreadable.ContainsKey("Input.SiblingGroupSize"))
        {
            siblings = 0;
        }
        return new CreateReferralRequest(
            FormValues.Id(Input.LotId),
            FormValues.Choice<Urgency>(Input.Urgency),
            startDate,
            FormValues.Choice<PlacementDuration>(Input.Duration),
            new ChildInput(Input.Reference, Input.FirstName, Input.LastName, dateOfBirth, FormValues.Choice<Gender>(Input.Gender), siblings ?? 1,
                [.. (Input.Needs ?? []).Select(FormValues.Choice<Need>).OfType<Need>()],
                // A must-have stays ticked inside the reveal of a need unticked again: only the ticked needs count.
                [.. (Input.MustHaveNeeds ?? []).Where(n => (Input.Needs ?? []).Contains(n)).Select(FormValues.Choice<Need>).OfType<Need>()],
                Input.WishesAndFeelings, Input.LegalStatus, Input.RiskSummary, Input.CulturalNeeds),
            Input.HomePostcode, null, null, miles, budget, deadline, Draft: true, OutOfAreaRequired: Input.OutOfAreaRequired,
            ProviderSummary: Input.ProviderSummary);
    }

    /// <summary>
    /// After saving the draft: the list of drafts when it was saved for later, else check your answers; or the form
    /// again with the service's errors and the page's own.
    /// A deadline whose time could not be read is reported at the time.
    /// </summary>
    protected Task<IActionResult> AfterSaveAsync(Outcome<ReferralCreated> outcome, Dictionary<string, string> unreadable, string? save) =>
        SettleAsync(outcome, saved => save == "draft"
                ? Done($"Your referral for {Input.FirstName?.Trim()} is saved as a draft. Nothing has been sent to providers",
                    "/Referrals/Index", new { status = nameof(ReferralStatus.Draft) })
                : RedirectToPage("/Referrals/Check", new { id = saved.Id }),
            () => PageAsync(LoadChoicesAsync), Fields(unreadable), unreadable);

    /// <summary>Where the service's fields show on the form: must-have needs are asked within the list of needs.</summary>
    protected static Dictionary<string, string> Fields(IReadOnlyDictionary<string, string> unreadable) =>
        DeadlineField(unreadable, new() { ["child.mustHaveNeeds"] = "Input.Needs" });
}

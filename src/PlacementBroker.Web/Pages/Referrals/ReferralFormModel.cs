namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>The referral form, shared by writing a referral and changing a draft. The service holds every rule.</summary>
public abstract class ReferralFormModel(DpsService dps) : ReferralsPageModel
{
    /// <summary>The form's fields in the order it asks them.</summary>
    public override IEnumerable<string> FieldOrder =>
    [
        "Input.LotId", "Input.Urgency", "Input.StartDate", "Input.Duration", "Input.Reference", "Input.FirstName",
        "Input.LastName", "Input.DateOfBirth", "Input.Gender", "Input.SiblingGroupSize", "Input.Needs",
        "Input.MustHaveNeeds", "Input.WishesAndFeelings", "Input.LegalStatus", "Input.RiskSummary",
        "Input.CulturalNeeds", "Input.HomePostcode", "Input.HomeLatitude", "Input.HomeLongitude",
        "Input.MaxDistanceMiles", "Input.WeeklyBudget", "Input.DeadlineDate", "Input.DeadlineTime",
    ];

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

    public sealed class ReferralInput
    {
        public string? LotId { get; set; }
        public string? Urgency { get; set; }
        public DateInputValue StartDate { get; set; } = new();
        public string? Duration { get; set; }
        public string? Reference { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public DateInputValue DateOfBirth { get; set; } = new();
        public string? Gender { get; set; }
        public string? SiblingGroupSize { get; set; } = "1";
        public List<string> Needs { get; set; } = [];
        public List<string> MustHaveNeeds { get; set; } = [];
        public string? WishesAndFeelings { get; set; }
        public string? LegalStatus { get; set; }
        public string? RiskSummary { get; set; }
        public string? CulturalNeeds { get; set; }
        public string? HomePostcode { get; set; }
        public string? HomeLatitude { get; set; }
        public string? HomeLongitude { get; set; }
        public string? MaxDistanceMiles { get; set; }
        public bool OutOfAreaRequired { get; set; }
        public string? WeeklyBudget { get; set; }
        public DateInputValue DeadlineDate { get; set; } = new();
        public string? DeadlineTime { get; set; }

        public static ReferralInput From(ReferralView r)
        {
            var (deadlineDate, deadlineTime) = EnglandTime.LocalParts(r.OfferDeadline);
            return new ReferralInput
            {
                LotId = r.LotId.ToString(),
                Urgency = r.Urgency.ToString(),
                StartDate = DateInputValue.From(r.StartDate),
                Duration = r.Duration.ToString(),
                Reference = r.Child.Reference,
                FirstName = r.Child.FirstName,
                LastName = r.Child.LastName,
                DateOfBirth = DateInputValue.From(r.Child.DateOfBirth),
                Gender = r.Child.Gender.ToString(),
                SiblingGroupSize = r.Child.SiblingGroupSize.ToString(CultureInfo.InvariantCulture),
                Needs = [.. r.Child.Needs.Select(n => n.ToString())],
                MustHaveNeeds = [.. r.Child.MustHaveNeeds.Select(n => n.ToString())],
                WishesAndFeelings = r.Child.WishesAndFeelings,
                LegalStatus = r.Child.LegalStatus,
                RiskSummary = r.Child.RiskSummary,
                CulturalNeeds = r.Child.CulturalNeeds,
                HomePostcode = r.HomePostcode,
                MaxDistanceMiles = r.MaxDistanceMiles.ToString("0.#", CultureInfo.InvariantCulture),
                OutOfAreaRequired = r.OutOfAreaRequired,
                WeeklyBudget = r.WeeklyBudget.ToString(r.WeeklyBudget == decimal.Truncate(r.WeeklyBudget) ? "0" : "0.00", CultureInfo.InvariantCulture),
                DeadlineDate = DateInputValue.From(deadlineDate),
                DeadlineTime = deadlineTime,
            };
        }
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
        var latitude = FormValues.Number(Input.HomeLatitude, "Latitude must be a number, like 53.8008", unreadable, "Input.HomeLatitude");
        var longitude = FormValues.Number(Input.HomeLongitude, "Longitude must be a number, like -1.5491", unreadable, "Input.HomeLongitude");
        // An optional value that could not be read must still stop the referral being saved: send what the service
        // refuses at that same field, so its message gives way to the page's.
        if (unreadable.ContainsKey("Input.SiblingGroupSize"))
        {
            siblings = 0;
        }
        if (unreadable.ContainsKey("Input.HomeLatitude") || unreadable.ContainsKey("Input.HomeLongitude"))
        {
            latitude = unreadable.ContainsKey("Input.HomeLatitude") ? null : 0d;
            longitude = latitude is null ? 0d : null;
        }
        return new CreateReferralRequest(
            FormValues.Id(Input.LotId),
            FormValues.Choice<Urgency>(Input.Urgency),
            startDate,
            FormValues.Choice<PlacementDuration>(Input.Duration),
            new ChildInput(Input.Reference, Input.FirstName, Input.LastName, dateOfBirth, FormValues.Choice<Gender>(Input.Gender), siblings ?? 1,
                [.. Input.Needs.Select(FormValues.Choice<Need>).OfType<Need>()],
                [.. Input.MustHaveNeeds.Select(FormValues.Choice<Need>).OfType<Need>()],
                Input.WishesAndFeelings, Input.LegalStatus, Input.RiskSummary, Input.CulturalNeeds),
            Input.HomePostcode, latitude, longitude, miles, budget, deadline, Draft: true, OutOfAreaRequired: Input.OutOfAreaRequired);
    }

    /// <summary>
    /// After saving the draft: the list of drafts when it was saved for later, else check your answers; or the form
    /// again with the service's errors and the page's own.
    /// </summary>
    protected async Task<IActionResult> AfterSaveAsync(Outcome<ReferralCreated> outcome, Dictionary<string, string> unreadable, string? save)
    {
        if (outcome.Succeeded)
        {
            if (save == "draft")
            {
                Success($"Your referral for {Input.FirstName?.Trim()} is saved as a draft. Nothing has been sent to providers");
                return RedirectToPage("/Referrals/Index", new { status = nameof(ReferralStatus.Draft) });
            }
            return RedirectToPage("/Referrals/Check", new { id = outcome.Value!.Id });
        }
        if (ShowRefusal(outcome, unreadable) is { } refused)
        {
            return refused;
        }
        await LoadChoicesAsync();
        return Page();
    }

    /// <summary>The service's errors against the form's fields; a deadline whose time could not be read is reported at the time.</summary>
    protected IActionResult? ShowRefusal(Outcome<ReferralCreated> outcome, Dictionary<string, string> unreadable) =>
        Refused(outcome, DeadlineField(unreadable), unreadable);
}

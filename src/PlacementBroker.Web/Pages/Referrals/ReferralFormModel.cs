using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using PlacementBroker.Core;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Referrals;
using PlacementBroker.Core.Vocabulary;
using PlacementBroker.Web.Auth;
using PlacementBroker.Web.Pages.Provider;
using PlacementBroker.Web.TagHelpers;

namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>The referral form, shared by writing a referral and changing a draft. The service holds every rule.</summary>
public abstract class ReferralFormModel(DpsService dps) : ReferralsPageModel
{
    /// <summary>The service's field names and the page's, in the order the form asks them.</summary>
    protected static readonly Dictionary<string, string> Fields = new()
    {
        ["lotId"] = "Input.LotId",
        ["urgency"] = "Input.Urgency",
        ["startDate"] = "Input.StartDate",
        ["duration"] = "Input.Duration",
        ["child.reference"] = "Input.Reference",
        ["child.firstName"] = "Input.FirstName",
        ["child.lastName"] = "Input.LastName",
        ["child.dateOfBirth"] = "Input.DateOfBirth",
        ["child.gender"] = "Input.Gender",
        ["child.siblingGroupSize"] = "Input.SiblingGroupSize",
        ["child.needs"] = "Input.Needs",
        ["child.mustHaveNeeds"] = "Input.MustHaveNeeds",
        ["child.wishesAndFeelings"] = "Input.WishesAndFeelings",
        ["child.legalStatus"] = "Input.LegalStatus",
        ["child.riskSummary"] = "Input.RiskSummary",
        ["child.culturalNeeds"] = "Input.CulturalNeeds",
        ["homePostcode"] = "Input.HomePostcode",
        ["homeLatitude"] = "Input.HomeLatitude",
        ["homeLongitude"] = "Input.HomeLongitude",
        ["maxDistanceMiles"] = "Input.MaxDistanceMiles",
        ["weeklyBudget"] = "Input.WeeklyBudget",
        ["offerDeadline"] = "Input.DeadlineDate",
    };

    public override IEnumerable<string> FieldOrder => [.. Fields.Values.Take(Fields.Count - 1), "Input.DeadlineDate", "Input.DeadlineTime"];

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
        var startDate = ReadDate(Input.StartDate, "The start date", "Input.StartDate", unreadable);
        var dateOfBirth = ReadDate(Input.DateOfBirth, "The date of birth", "Input.DateOfBirth", unreadable);
        var deadlineDate = ReadDate(Input.DeadlineDate, "The deadline date", "Input.DeadlineDate", unreadable);
        DateTime? deadline = null;
        if (deadlineDate is { } day)
        {
            deadline = EnglandTime.ToUtc(day, Input.DeadlineTime, out var timeError);
            if (timeError is not null)
            {
                unreadable["Input.DeadlineTime"] = timeError;
            }
        }
        var siblings = FormValues.WholeNumber(Input.SiblingGroupSize, "The number of children must be a whole number, like 2", unreadable, "Input.SiblingGroupSize");
        var miles = Miles(Input.MaxDistanceMiles, unreadable, "Input.MaxDistanceMiles");
        var budget = FormValues.Money(Input.WeeklyBudget, "The weekly budget must be an amount in pounds, like 5500 or 5500.50", unreadable, "Input.WeeklyBudget");
        var latitude = FormValues.Coordinate(Input.HomeLatitude, "Latitude must be a number, like 53.8008", unreadable, "Input.HomeLatitude");
        var longitude = FormValues.Coordinate(Input.HomeLongitude, "Longitude must be a number, like -1.5491", unreadable, "Input.HomeLongitude");
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
            Guid.TryParse(Input.LotId, out var lotId) ? lotId : null,
            FormValues.Choice<Urgency>(Input.Urgency),
            startDate,
            FormValues.Choice<PlacementDuration>(Input.Duration),
            new ChildInput(Input.Reference, Input.FirstName, Input.LastName, dateOfBirth, FormValues.Choice<Gender>(Input.Gender), siblings ?? 1,
                [.. Input.Needs.Select(FormValues.Choice<Need>).OfType<Need>()],
                [.. Input.MustHaveNeeds.Select(FormValues.Choice<Need>).OfType<Need>()],
                Input.WishesAndFeelings, Input.LegalStatus, Input.RiskSummary, Input.CulturalNeeds),
            Input.HomePostcode, latitude, longitude, miles, budget, deadline, Draft: true, OutOfAreaRequired: Input.OutOfAreaRequired);
    }

    /// <summary>The service's errors against the form's fields; a deadline whose time could not be read is reported at the time.</summary>
    protected IActionResult? ShowRefusal(Outcome<ReferralCreated> outcome, Dictionary<string, string> unreadable)
    {
        var fields = new Dictionary<string, string>(Fields);
        if (unreadable.ContainsKey("Input.DeadlineTime"))
        {
            fields["offerDeadline"] = "Input.DeadlineTime";
        }
        return Refused(outcome, fields, unreadable);
    }

    private static DateOnly? ReadDate(DateInputValue value, string what, string field, Dictionary<string, string> unreadable)
    {
        var date = value.Read(what, out var error);
        if (error is not null)
        {
            unreadable[field] = error;
        }
        return date;
    }

    internal static double? Miles(string? text, Dictionary<string, string> unreadable, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var cleaned = text.Trim().Replace("miles", "", StringComparison.OrdinalIgnoreCase).Replace(",", "", StringComparison.Ordinal).Trim();
        if (double.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var miles) && double.IsFinite(miles))
        {
            return miles;
        }
        unreadable[field] = "The maximum distance must be a number of miles, like 20";
        return null;
    }
}

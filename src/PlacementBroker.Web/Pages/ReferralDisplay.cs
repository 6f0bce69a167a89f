using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PlacementBroker.Web.Pages;

/// <summary>How the referral pages (the officer's and the provider's) word and colour referrals, offers and declines.</summary>
public static class ReferralDisplay
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static IHtmlContent Tag(string text, string colour) =>
        new HtmlString($"<strong class=\"govuk-tag govuk-tag--{colour}\">{HtmlEncoder.Default.Encode(text)}</strong>");

    public static string Name(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => "Emergency: same day",
        Urgency.Urgent => "Urgent: within 72 hours",
        _ => "Planned",
    };

    public static IHtmlContent Tag(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => Tag("Emergency", "red"),
        Urgency.Urgent => Tag("Urgent", "orange"),
        _ => Tag("Planned", "blue"),
    };

    public static string Name(PlacementDuration duration) => duration switch
    {
        PlacementDuration.Emergency => "Emergency",
        PlacementDuration.ShortTerm => "Short-term",
        PlacementDuration.LongTerm => "Long-term or permanent",
        PlacementDuration.Respite => "Respite",
        PlacementDuration.Remand => "Remand",
        _ => duration.ToString(),
    };

    public static string Name(ReferralStatus status) => status switch
    {
        ReferralStatus.Open => "Open for offers",
        _ => status.ToString(),
    };

    public static IHtmlContent Tag(ReferralStatus status) => status switch
    {
        ReferralStatus.Draft => Tag("Draft", "grey"),
        ReferralStatus.Open => Tag("Open for offers", "blue"),
        ReferralStatus.Placed => Tag("Placed", "green"),
        ReferralStatus.Unfilled => Tag("Unfilled", "red"),
        _ => Tag("Withdrawn", "grey"),
    };

    public static string Name(OfferStatus status) => status switch
    {
        OfferStatus.Submitted => "Offered",
        OfferStatus.PendingApproval => "Waiting for a manager's approval",
        OfferStatus.NotSelected => "Not selected",
        _ => status.ToString(),
    };

    public static IHtmlContent Tag(OfferStatus status) => status switch
    {
        OfferStatus.Submitted => Tag("Offered", "blue"),
        OfferStatus.PendingApproval => Tag("Waiting for approval", "yellow"),
        OfferStatus.Accepted => Tag("Accepted", "green"),
        OfferStatus.Rejected => Tag("Rejected", "red"),
        OfferStatus.NotSelected => Tag("Not selected", "grey"),
        _ => Tag("Withdrawn", "grey"),
    };

    public static string Name(DeclineReason reason) => reason switch
    {
        DeclineReason.NoSuitableVacancy => "We have no suitable vacancy",
        DeclineReason.CannotMeetNeeds => "We cannot meet the child's needs",
        DeclineReason.ImpactOnOtherChildren => "The impact on the children already living there",
        DeclineReason.RiskTooHigh => "The risks are too high for the setting",
        DeclineReason.LocationUnsuitable => "The location is unsuitable",
        DeclineReason.StartDateNotPossible => "We cannot meet the start date",
        DeclineReason.PriceBelowCost => "The budget is below our cost",
        DeclineReason.OutsideRegistration => "It is outside our Ofsted registration",
        _ => "Another reason",
    };

    public static string Name(Gender gender) => gender switch
    {
        Gender.Female => "Female",
        Gender.Male => "Male",
        _ => "Other",
    };

    /// <summary>"14-year-old girl", "9-year-old boy", "15-year-old child".</summary>
    public static string Child(int ageYears, Gender gender) =>
        $"{ageYears}-year-old {gender switch { Gender.Female => "girl", Gender.Male => "boy", _ => "child" }}";

    public static string Siblings(int size) => size <= 1 ? "1 child" : $"Sibling group of {size}";

    public static string Miles(double? miles) => miles is { } m ? $"{m.ToString("0.#", English)} miles" : "Not known";

    public static string Miles(double miles) => $"{miles.ToString("0.#", English)} miles";

    /// <summary>A UTC deadline as England's date and time: "25 November 2026 at 5pm".</summary>
    public static string Deadline(DateTime utc) => Display.DateTime(utc);

    /// <summary>The England date and 24-hour time of a UTC moment, as the form's fields hold them.</summary>
    public static (DateOnly Date, string Time) LocalParts(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);
        return (DateOnly.FromDateTime(local), local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A date and a time of day in England ("17:00", "5pm", "5:30pm", "17.30") as the UTC moment it is. Null, with a
    /// message, when the time cannot be read.
    /// </summary>
    public static DateTime? EnglandToUtc(DateOnly date, string? time, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(time))
        {
            error = "Enter the time offers are due by, like 5pm or 17:00";
            return null;
        }
        var text = time.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (text is "midday" or "noon")
        {
            text = "12pm";
        }
        var match = System.Text.RegularExpressions.Regex.Match(text, @"^(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?(?<ampm>am|pm)?$");
        if (!match.Success)
        {
            error = "Enter the time as, for example, 5pm or 17:00";
            return null;
        }
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (match.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12)
            {
                error = "Enter a real time, like 5pm or 17:00";
                return null;
            }
            hour = hour % 12 + (match.Groups["ampm"].Value == "pm" ? 12 : 0);
        }
        if (hour > 23 || minute > 59)
        {
            error = "Enter a real time, like 5pm or 17:00";
            return null;
        }
        var local = date.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Unspecified);
        if (London.IsInvalidTime(local))
        {
            // The hour the clocks go forward does not exist: the same moment an hour on.
            local = local.AddHours(1);
        }
        return DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(local, London), DateTimeKind.Utc);
    }
}

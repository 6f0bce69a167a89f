using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using PlacementBroker.Core.Matching;

namespace PlacementBroker.Web.Pages;

/// <summary>
/// What only the web pages add to the words people read (<see cref="Words"/>, in Core, is the one source of the
/// words): the colour of a GOV.UK tag for each status, the tag's markup, and the choices a form offers.
/// </summary>
public static class Display
{
    /// <summary>A GOV.UK tag: <c>&lt;strong class="govuk-tag govuk-tag--green"&gt;Admitted&lt;/strong&gt;</c>.</summary>
    public static IHtmlContent Tag(string text, string colour) =>
        new HtmlString($"<strong class=\"govuk-tag govuk-tag--{colour}\">{HtmlEncoder.Default.Encode(text)}</strong>");

    /// <summary>A value's tag: its name in its colour.</summary>
    public static IHtmlContent Tag(Enum value) => Tag(Words.Name(value), Colour(value));

    /// <summary>The CSS modifier of a value's GOV.UK tag ("govuk-tag--green").</summary>
    public static string TagClass(Enum value) => "govuk-tag--" + Colour(value);

    /// <summary>The colour of a value's tag: green for good or done, yellow or orange for waiting or at risk, red for refused or stopped, grey otherwise.</summary>
    public static string Colour(Enum value) => value switch
    {
        DpsStatus.Open => "green",
        DpsStatus.Draft => "yellow",
        ApplicationStatus.Admitted => "green",
        ApplicationStatus.Submitted => "blue",
        ApplicationStatus.Rejected => "red",
        MembershipStatus.Admitted => "green",
        MembershipStatus.Suspended => "yellow",
        MembershipStatus.Removed => "red",
        VacancyStatus.Open => "green",
        VacancyStatus.Held => "yellow",
        VacancyStatus.Filled => "blue",
        OfstedGrade.Outstanding or OfstedGrade.Good => "green",
        OfstedGrade.RequiresImprovement => "yellow",
        OfstedGrade.Inadequate => "red",
        Urgency.Emergency => "red",
        Urgency.Urgent => "orange",
        Urgency.Planned => "blue",
        ReferralStatus.Open => "blue",
        ReferralStatus.Placed => "green",
        ReferralStatus.Unfilled => "red",
        OfferStatus.Submitted => "blue",
        OfferStatus.PendingApproval => "yellow",
        OfferStatus.Accepted => "green",
        OfferStatus.Rejected => "red",
        PlacementStatus.Active => "green",
        ApprovalStatus.Approved => "green",
        ApprovalStatus.Rejected => "red",
        FlagSeverity.Critical => "red",
        FlagSeverity.High => "orange",
        FlagSeverity.Medium => "yellow",
        QaStatus.Green => "green",
        QaStatus.Amber => "yellow",
        QaStatus.Red => "red",
        Core.Uplifts.UpliftRoundStatus.Open => "green",
        Core.Uplifts.UpliftRequestStatus.Submitted => "blue",
        Core.Uplifts.UpliftRequestStatus.Accepted => "green",
        Core.Uplifts.UpliftRequestStatus.PartAccepted => "yellow",
        Core.Uplifts.UpliftRequestStatus.Refused => "red",
        _ => "grey",
    };

    /// <summary>Every value of an enum as a form's choices: its name shown, its identifier posted.</summary>
    public static List<SelectListItem> Options<T>() where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => new SelectListItem(Words.Name(v), v.ToString()))];

    /// <summary>Severities with what each one does (the hint is carried in the item's group name).</summary>
    public static List<SelectListItem> Severities() =>
    [
        Hinted(FlagSeverity.Low, "Noted on the profile; no visit is due because of it"),
        Hinted(FlagSeverity.Medium, $"The provider shows amber; a concern visit is due within {QaTimetable.MediumConcernDays} days"),
        Hinted(FlagSeverity.High, $"The provider shows amber; a concern visit is due within {QaTimetable.HighConcernDays} days"),
        Hinted(FlagSeverity.Critical, "Suspends the provider from its lots and removes it from matching until resolved"),
    ];

    private static SelectListItem Hinted(FlagSeverity value, string hint) =>
        new(Words.Name(value), value.ToString()) { Group = new SelectListGroup { Name = hint } };
}

using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PlacementBroker.Web.Pages.Provider;

/// <summary>How the provider pages word and colour what the services return: dates as "23 November 2026", statuses as GOV.UK tags.</summary>
public static class ProviderDisplay
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", English) ?? "";

    /// <summary>The UK calendar date of a UTC moment.</summary>
    public static string Date(DateTime? utc) => utc is { } at ? Date(UkTime.DateOf(at)) : "";

    /// <summary>"23 November 2026 at 9:05am", in UK time.</summary>
    public static string DateTime(DateTime? utc)
    {
        if (utc is not { } at)
        {
            return "";
        }
        var local = TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(at, DateTimeKind.Utc), London);
        return $"{local.ToString("d MMMM yyyy", English)} at {local.ToString("h:mm", English)}{(local.Hour < 12 ? "am" : "pm")}";
    }

    public static string Money(decimal amount) =>
        "£" + (decimal.Truncate(amount) == amount ? amount.ToString("#,##0", English) : amount.ToString("#,##0.00", English));

    /// <summary>Pounds and pence, for columns of prices that should line up: "£1,564.00".</summary>
    public static string Price(decimal amount) => "£" + amount.ToString("#,##0.00", English);

    public static IHtmlContent Tag(string text, string colour) =>
        new HtmlString($"<strong class=\"govuk-tag govuk-tag--{colour}\">{HtmlEncoder.Default.Encode(text)}</strong>");

    public static IHtmlContent Tag(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => Tag("In progress", "grey"),
        ApplicationStatus.Submitted => Tag("Waiting for a decision", "yellow"),
        ApplicationStatus.Admitted => Tag("Admitted", "green"),
        ApplicationStatus.Rejected => Tag("Rejected", "red"),
        _ => Tag("Withdrawn", "grey"),
    };

    public static IHtmlContent Tag(MembershipStatus status) => status switch
    {
        MembershipStatus.Admitted => Tag("Admitted", "green"),
        MembershipStatus.Suspended => Tag("Suspended", "yellow"),
        MembershipStatus.Removed => Tag("Removed", "red"),
        _ => Tag("Withdrawn", "grey"),
    };

    public static IHtmlContent Tag(VacancyStatus status) => status switch
    {
        VacancyStatus.Open => Tag("Open", "green"),
        VacancyStatus.Held => Tag("Offer pending", "yellow"),
        VacancyStatus.Filled => Tag("Filled", "blue"),
        _ => Tag("Withdrawn", "grey"),
    };

    public static IHtmlContent Tag(OfstedGrade grade) => grade switch
    {
        OfstedGrade.Outstanding or OfstedGrade.Good => Tag(Name(grade), "green"),
        OfstedGrade.RequiresImprovement => Tag(Name(grade), "yellow"),
        OfstedGrade.Inadequate => Tag(Name(grade), "red"),
        _ => Tag(Name(grade), "grey"),
    };

    public static string Name(MembershipStatus status) => status.ToString();

    public static string Name(OfstedGrade grade) => grade switch
    {
        OfstedGrade.Outstanding => "Outstanding",
        OfstedGrade.Good => "Good",
        OfstedGrade.RequiresImprovement => "Requires improvement to be good",
        OfstedGrade.Inadequate => "Inadequate",
        OfstedGrade.NotYetInspected => "Not yet inspected",
        OfstedGrade.NotGraded => "Not graded (supported accommodation)",
        _ => Words(grade.ToString()),
    };

    public static string Name(Gender gender) => gender switch
    {
        Gender.Female => "Female",
        Gender.Male => "Male",
        _ => "Other",
    };

    public static string Name(Need need) => need switch
    {
        Need.EmotionalBehavioural => "Emotional and behavioural",
        Need.LearningDisability => "Learning disability",
        Need.PhysicalDisability => "Physical disability",
        Need.Autism => "Autism",
        Need.MentalHealth => "Mental health",
        Need.ChildSexualExploitation => "Child sexual exploitation (CSE)",
        Need.ChildCriminalExploitation => "Child criminal exploitation (CCE)",
        Need.MissingEpisodes => "Missing episodes",
        Need.SubstanceMisuse => "Substance misuse",
        Need.Offending => "Offending",
        Need.SelfHarm => "Self-harm",
        Need.ComplexHealth => "Complex health needs",
        Need.UnaccompaniedAsylumSeeking => "Unaccompanied asylum-seeking child",
        Need.EducationOutOfSchool => "Out of school: education needed",
        // The vocabulary grows: a new need reads sensibly before it is given its own wording.
        _ => Words(need.ToString()),
    };

    public static string Name(ProviderType type) => type switch
    {
        ProviderType.IndependentFosteringAgency => "Independent fostering agency",
        ProviderType.ResidentialChildrensHome => "Residential children's home",
        ProviderType.SupportedAccommodation => "Supported accommodation (16 and over)",
        ProviderType.IndependentSpecialistEducation => "Independent specialist education",
        _ => Words(type.ToString()),
    };

    public static string Name(PlacementType type) => type switch
    {
        PlacementType.StandardFostering => "Standard fostering",
        PlacementType.SpecialistFostering => "Specialist or complex fostering",
        PlacementType.ParentAndChild => "Parent and child",
        PlacementType.ResidentialCare => "Residential care",
        PlacementType.SupportedAccommodation => "Supported accommodation (16 and over)",
        PlacementType.SpecialistEducation => "Specialist education",
        _ => Words(type.ToString()),
    };

    public static string Name(DpsRegime regime) => regime switch
    {
        DpsRegime.Pcr2015Dps => "Public Contracts Regulations 2015 DPS",
        _ => "Procurement Act 2023 dynamic market",
    };

    public static string Ages(int min, int max) => min == max ? $"{min}" : $"{min} to {max}";

    /// <summary>"EducationOutOfSchool" → "Education out of school".</summary>
    public static string Words(string name)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}

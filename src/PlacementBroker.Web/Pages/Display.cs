namespace PlacementBroker.Web.Pages;

/// <summary>How the pages write dates, money and the product's enums, the GOV.UK way ("23 November 2026", "£5,200").</summary>
public static class Display
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    /// <summary>A UTC instant as the date it was in England.</summary>
    public static string Date(DateTime? utc) => utc is { } u ? Date(UkTime.DateOf(u)) : "—";

    /// <summary>"23 November 2026 at 9:05am", in England's time.</summary>
    public static string DateTime(DateTime? utc)
    {
        if (utc is not { } u)
        {
            return "—";
        }
        var local = TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(u, DateTimeKind.Utc), London);
        var time = local.ToString(local.Minute == 0 ? "%h" : "h:mm", EnGb) + (local.Hour < 12 ? "am" : "pm");
        return $"{Date(DateOnly.FromDateTime(local))} at {time}";
    }

    /// <summary>Whole pounds without pence ("£5,200"), otherwise with them ("£5,200.50").</summary>
    /// <summary>Money as invoices show it: always with the pence.</summary>
    public static string Pence(decimal amount) => "£" + amount.ToString("#,##0.00", EnGb);

    public static string Money(decimal? amount) => amount is not { } a
        ? "—"
        : "£" + a.ToString(a == decimal.Truncate(a) ? "#,##0" : "#,##0.00", EnGb);

    public static string Regime(DpsRegime regime) => regime switch
    {
        DpsRegime.Pcr2015Dps => "PCR 2015 DPS",
        DpsRegime.ProcurementAct2023DynamicMarket => "Procurement Act 2023 dynamic market",
        _ => regime.ToString(),
    };

    public static string PlacementType(PlacementType type) => type switch
    {
        Core.PlacementType.StandardFostering => "Standard fostering",
        Core.PlacementType.SpecialistFostering => "Specialist or complex fostering",
        Core.PlacementType.ParentAndChild => "Parent and child",
        Core.PlacementType.ResidentialCare => "Residential children's home",
        Core.PlacementType.SupportedAccommodation => "16+ supported accommodation",
        Core.PlacementType.SpecialistEducation => "Independent specialist education",
        _ => type.ToString(),
    };

    public static string Grade(OfstedGrade grade) => grade switch
    {
        OfstedGrade.RequiresImprovement => "Requires improvement to be good",
        OfstedGrade.NotYetInspected => "Not yet inspected",
        OfstedGrade.NotGraded => "Not graded",
        _ => grade.ToString(),
    };

    public static string Need(Need need) => need switch
    {
        Core.Need.EmotionalBehavioural => "Emotional and behavioural",
        Core.Need.LearningDisability => "Learning disability",
        Core.Need.PhysicalDisability => "Physical disability",
        Core.Need.Autism => "Autism",
        Core.Need.MentalHealth => "Mental health",
        Core.Need.ChildSexualExploitation => "Child sexual exploitation (CSE) risk",
        Core.Need.ChildCriminalExploitation => "Child criminal exploitation (CCE) risk",
        Core.Need.MissingEpisodes => "Missing episodes",
        Core.Need.SubstanceMisuse => "Substance misuse",
        Core.Need.Offending => "Offending",
        Core.Need.SelfHarm => "Self-harm",
        Core.Need.ComplexHealth => "Complex health needs",
        Core.Need.UnaccompaniedAsylumSeeking => "Unaccompanied asylum-seeking child",
        Core.Need.EducationOutOfSchool => "Out of school",
        _ => need.ToString(),
    };

    /// <summary>The CSS modifier of a GOV.UK tag for a status.</summary>
    public static string TagClass(DpsStatus status) => status switch
    {
        DpsStatus.Open => "govuk-tag--green",
        DpsStatus.Draft => "govuk-tag--yellow",
        _ => "govuk-tag--grey",
    };

    public static string TagClass(MembershipStatus status) => status switch
    {
        MembershipStatus.Admitted => "govuk-tag--green",
        MembershipStatus.Suspended => "govuk-tag--yellow",
        MembershipStatus.Removed => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    public static string TagClass(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Admitted => "govuk-tag--green",
        ApplicationStatus.Rejected => "govuk-tag--red",
        ApplicationStatus.Submitted => "govuk-tag--blue",
        _ => "govuk-tag--grey",
    };

    public static string TagClass(VacancyStatus status) => status switch
    {
        VacancyStatus.Open => "govuk-tag--green",
        VacancyStatus.Held => "govuk-tag--yellow",
        _ => "govuk-tag--grey",
    };

    public static string TagClass(OfstedGrade grade) => grade switch
    {
        OfstedGrade.Outstanding or OfstedGrade.Good => "govuk-tag--green",
        OfstedGrade.RequiresImprovement => "govuk-tag--yellow",
        OfstedGrade.Inadequate => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    public static string Status(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => "Waiting for a decision",
        _ => status.ToString(),
    };

    public static string Status(MembershipStatus status) => status switch
    {
        MembershipStatus.Removed => "Removed (excluded)",
        _ => status.ToString(),
    };

    public static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}

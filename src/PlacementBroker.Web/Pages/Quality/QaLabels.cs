namespace PlacementBroker.Web.Pages.Quality;

/// <summary>The QA pages' words for the quality enums, and the choices the forms offer.</summary>
public static class QaLabels
{
    public static string Kind(WorkKind kind) => kind switch
    {
        WorkKind.AnnualVisit => "Annual visit",
        WorkKind.PostPlacementVisit => "Visit after a new provider's placement",
        WorkKind.ImprovementVisit => "Improvement visit (RI/Inadequate)",
        WorkKind.ConcernVisit => "Concern visit",
        WorkKind.Report => "Report",
        _ => kind.ToString(),
    };

    public static string Category(FlagCategory category) => category switch
    {
        FlagCategory.RegulatoryAction => "Regulatory action",
        _ => category.ToString(),
    };

    public static string Severity(FlagSeverity severity) => severity.ToString();

    public static string SeverityTag(FlagSeverity severity) => severity switch
    {
        FlagSeverity.Critical => "govuk-tag--red",
        FlagSeverity.High => "govuk-tag--orange",
        FlagSeverity.Medium => "govuk-tag--yellow",
        _ => "govuk-tag--grey",
    };

    public static string VisitType(VisitType type) => type switch
    {
        Core.Quality.VisitType.PrePlacement => "Pre-placement",
        Core.Quality.VisitType.FollowUp => "Follow-up",
        _ => type.ToString(),
    };

    public static string Outcome(VisitOutcome? outcome) => outcome switch
    {
        VisitOutcome.Satisfactory => "Satisfactory",
        VisitOutcome.ImprovementsNeeded => "Improvements needed",
        VisitOutcome.Unsatisfactory => "Unsatisfactory",
        _ => "Not recorded",
    };

    /// <summary>"Green", "Amber" or "Red" as the GOV.UK tag shows it.</summary>
    public static string StatusTag(string status) => status switch
    {
        "Red" => "govuk-tag--red",
        "Amber" => "govuk-tag--yellow",
        _ => "govuk-tag--green",
    };

    public static List<SelectListItem> Categories() =>
        [.. Enum.GetValues<FlagCategory>().Select(c => new SelectListItem(Category(c), c.ToString()))];

    /// <summary>Severities with what each one does (the hint is carried in the item's group name).</summary>
    public static List<SelectListItem> Severities() =>
    [
        Hinted("Low", FlagSeverity.Low, "Noted on the profile; no visit is due because of it"),
        Hinted("Medium", FlagSeverity.Medium, $"The provider shows amber; a concern visit is due within {QaTimetable.MediumConcernDays} days"),
        Hinted("High", FlagSeverity.High, $"The provider shows amber; a concern visit is due within {QaTimetable.HighConcernDays} days"),
        Hinted("Critical", FlagSeverity.Critical, "Suspends the provider from its lots and removes it from matching until resolved"),
    ];

    public static List<SelectListItem> VisitTypes() =>
        [.. Enum.GetValues<VisitType>().Select(t => new SelectListItem(VisitType(t), t.ToString()))];

    public static List<SelectListItem> Outcomes() =>
        [.. Enum.GetValues<VisitOutcome>().Select(o => new SelectListItem(Outcome(o), o.ToString()))];

    private static SelectListItem Hinted(string text, FlagSeverity value, string hint) =>
        new(text, value.ToString()) { Group = new SelectListGroup { Name = hint } };
}

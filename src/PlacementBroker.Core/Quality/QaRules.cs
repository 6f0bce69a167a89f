using PlacementBroker.Core.Matching;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core.Vocabulary;

namespace PlacementBroker.Core.Quality;

public enum WorkKind
{
    /// <summary>DPS providers: every setting visited every year.</summary>
    AnnualVisit,
    /// <summary>New providers: visited before a placement where possible, otherwise within 7 days of it starting.</summary>
    PostPlacementVisit,
    /// <summary>Settings graded Requires improvement or Inadequate: before a placement and again within 6 months until re-inspected.</summary>
    ImprovementVisit,
    /// <summary>Concerns and complaints: visited within 7 days when high or critical, 28 days when medium.</summary>
    ConcernVisit,
    /// <summary>Reports completed and reviewed within 14 days of the visit.</summary>
    Report,
}

/// <param name="Registered">The day the setting was registered with the platform: the clock of a grade with no inspection date starts there.</param>
public sealed record SettingFacts(Guid Id, string Name, OfstedGrade Grade, DateOnly? LastInspection, DateOnly? Registered = null);
public sealed record VisitFacts(Guid SettingId, DateOnly Date, DateOnly? ReportCompletedOn, DateOnly? ReportReviewedOn);
public sealed record PlacementFacts(Guid SettingId, DateOnly StartDate);
public sealed record FlagFacts(Guid Id, Guid? SettingId, FlagSeverity Severity, DateOnly RaisedOn, string Description);

/// <summary>Everything the timetable needs to know about one provider.</summary>
public sealed record ProviderQaFacts(
    Guid ProviderId, DateOnly? AdmittedToDpsOn, IReadOnlyList<SettingFacts> Settings, IReadOnlyList<VisitFacts> Visits,
    IReadOnlyList<PlacementFacts> ActivePlacements, IReadOnlyList<FlagFacts> OpenFlags);

public sealed record WorkItem(Guid ProviderId, Guid SettingId, WorkKind Kind, DateOnly DueBy, bool Overdue, string Description);

/// <summary>
/// The QA timetable of spec 6, in one place. Each rule says when the next visit (or report) is due; a visit or
/// report recorded on or after the date the rule counts from clears it.
/// </summary>
public static class QaTimetable
{
    public const int PostPlacementDays = 7;
    public const int ImprovementMonths = 6;
    public const int HighConcernDays = 7;
    public const int MediumConcernDays = 28;
    public const int ReportDays = 14;

    public static IReadOnlyList<WorkItem> Due(ProviderQaFacts p, DateOnly today)
    {
        var items = new List<WorkItem>();
        void Add(Guid settingId, WorkKind kind, DateOnly due, string description) =>
            items.Add(new WorkItem(p.ProviderId, settingId, kind, due, due < today, description));
        DateOnly? LastVisit(Guid settingId, DateOnly? onOrAfter = null) =>
            p.Visits.Where(v => v.SettingId == settingId && (onOrAfter is null || v.Date >= onOrAfter)).Select(v => (DateOnly?)v.Date).Max();

        foreach (var setting in p.Settings)
        {
            if (p.AdmittedToDpsOn is { } admitted)
            {
                var last = LastVisit(setting.Id);
                Add(setting.Id, WorkKind.AnnualVisit, (last ?? admitted).AddYears(1),
                    last is null ? $"Annual visit to {setting.Name}: not yet visited" : $"Annual visit to {setting.Name}: last visited {Words.Date(last.Value)}");
            }

            if (setting.Grade.IsBelowGood())
            {
                // Counted from the judgement, or, with no inspection date, from when the setting was registered with us:
                // never from today, or the visit would slide forward every day and never fall due.
                var since = setting.LastInspection ?? setting.Registered;
                var visited = LastVisit(setting.Id, since);
                var due = (visited ?? since ?? today).AddMonths(ImprovementMonths);
                // A child placed there since the judgement without a visit makes the visit due at once.
                var unvisitedPlacement = p.ActivePlacements.Where(pl => pl.SettingId == setting.Id && (visited is null || visited < pl.StartDate))
                    .Select(pl => (DateOnly?)pl.StartDate).Min();
                if (unvisitedPlacement is { } start && visited is null && start < due)
                {
                    due = start;
                }
                Add(setting.Id, WorkKind.ImprovementVisit, due,
                    $"{Words.Name(setting.Grade)} setting {setting.Name}: visit within {ImprovementMonths} months until Ofsted re-inspects");
            }
        }

        var everVisited = p.Visits.Select(v => (DateOnly?)v.Date).Min();
        foreach (var placement in p.ActivePlacements)
        {
            var newProvider = everVisited is null || everVisited >= placement.StartDate;
            if (newProvider && LastVisit(placement.SettingId, placement.StartDate) is null)
            {
                var setting = p.Settings.FirstOrDefault(s => s.Id == placement.SettingId);
                Add(placement.SettingId, WorkKind.PostPlacementVisit, placement.StartDate.AddDays(PostPlacementDays),
                    $"New provider: visit {setting?.Name ?? "the setting"} within {PostPlacementDays} days of the placement starting {Words.Date(placement.StartDate)}");
            }
        }

        foreach (var flag in p.OpenFlags.Where(f => f.Severity >= FlagSeverity.Medium))
        {
            var settingId = flag.SettingId ?? p.Settings.FirstOrDefault()?.Id;
            if (settingId is not { } target)
            {
                continue;
            }
            var visited = flag.SettingId is { } s ? LastVisit(s, flag.RaisedOn) : p.Visits.Where(v => v.Date >= flag.RaisedOn).Select(v => (DateOnly?)v.Date).Max();
            if (visited is null)
            {
                var days = flag.Severity >= FlagSeverity.High ? HighConcernDays : MediumConcernDays;
                Add(target, WorkKind.ConcernVisit, flag.RaisedOn.AddDays(days), $"{Words.Name(flag.Severity)} concern raised {Words.Date(flag.RaisedOn)}: visit within {days} days");
            }
        }

        foreach (var visit in p.Visits.Where(v => v.ReportCompletedOn is null || v.ReportReviewedOn is null))
        {
            Add(visit.SettingId, WorkKind.Report, visit.Date.AddDays(ReportDays),
                $"Report of the visit on {Words.Date(visit.Date)}: complete and review within {ReportDays} days");
        }
        return [.. items.OrderBy(i => i.DueBy).ThenBy(i => i.Kind)];
    }
}

/// <summary>A provider's QA status is derived, never typed in: red, amber or green, each with its reasons.</summary>
public static class QaStatusRules
{
    public static (QaStatus Status, IReadOnlyList<string> Reasons) Derive(ProviderQaFacts p, DateOnly today)
    {
        var critical = p.OpenFlags.Where(f => f.Severity == FlagSeverity.Critical).ToList();
        if (critical.Count > 0)
        {
            return (QaStatus.Red, [.. critical.Select(f => $"Open critical flag: {f.Description}")]);
        }
        var reasons = new List<string>();
        reasons.AddRange(p.OpenFlags.Select(f => $"Open {Words.InSentence(f.Severity)} flag: {f.Description}"));
        reasons.AddRange(p.Settings.Where(s => s.Grade.IsBelowGood())
            .Select(s => $"{s.Name} is graded {Words.Name(s.Grade)} by Ofsted"));
        reasons.AddRange(QaTimetable.Due(p, today).Where(i => i.Overdue)
            .Select(i => $"Overdue since {Words.Date(i.DueBy)}: {i.Description}"));
        return reasons.Count > 0 ? (QaStatus.Amber, reasons) : (QaStatus.Green, []);
    }
}

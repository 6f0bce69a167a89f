namespace PlacementBroker.Core.Quality;

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

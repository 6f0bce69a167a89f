namespace PlacementBroker.Core.Quality;

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

namespace PlacementBroker.Core.Quality;

/// <summary>
/// The QA status rules (<see cref="QaStatusRules"/>, <see cref="QaTimetable"/>) in the form a query can test, so that
/// lists of thousands of providers derive the status only where it is other than green. Red is an open critical flag.
/// Amber needs a reason, each tested here as of the day asked about: an open flag; an open setting graded below good;
/// an annual visit overdue (admitted to a lot, with an open setting whose last visit, or the first admission if it was
/// never visited, is more than a year ago); a post-placement visit overdue (an active placement with a provider never
/// visited before it started, begun more than <see cref="QaTimetable.PostPlacementDays"/> days ago with no visit to its
/// setting since); a report overdue (a visit more than <see cref="QaTimetable.ReportDays"/> days ago whose report is not
/// yet completed and reviewed). The concern and improvement visits need an open flag or a setting below good, which
/// are reasons already. A new reason in the rules must add its test here (QaStatusQueryTests compares the two on a
/// varied market and on the days either side of each due date).
/// </summary>
public static class QaStatusQuery
{
    /// <summary>The providers the rules make red: those with an open critical flag.</summary>
    public static IQueryable<Provider> WhereRed(this IQueryable<Provider> providers, PlacementBrokerDbContext db) =>
        providers.Where(p => db.QaFlags.Any(f => f.ProviderId == p.Id && f.Status == FlagStatus.Open && f.Severity == FlagSeverity.Critical));

    /// <summary>The providers whose status is other than green (amber or red) on <paramref name="today"/>.</summary>
    public static IQueryable<Provider> WhereMayNotBeGreen(this IQueryable<Provider> providers, PlacementBrokerDbContext db, DateOnly today)
    {
        // Overdue is due before today. The annual visit is due a year after a date: the last such date overdue today (a
        // year ago, or the day before when a leap day makes the two meet), and the instant that UK day ends, for admissions.
        var aYearAgo = today.AddYears(-1);
        var annualOverdueOnOrBefore = aYearAgo.AddYears(1) < today ? aYearAgo : aYearAgo.AddDays(-1);
        var admittedBefore = TimeZoneInfo.ConvertTimeToUtc(annualOverdueOnOrBefore.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), UkTime.London);
        var placedBefore = today.AddDays(-QaTimetable.PostPlacementDays);
        var visitedBefore = today.AddDays(-QaTimetable.ReportDays);
        return providers.Where(p =>
            db.QaFlags.Any(f => f.ProviderId == p.Id && f.Status == FlagStatus.Open)
            || db.Settings.Any(s => s.ProviderId == p.Id && s.ClosedAt == null && OfstedGrades.BelowGood.Contains(s.OfstedGrade))
            || (db.LotMemberships.Any(m => m.ProviderId == p.Id && (m.Status == MembershipStatus.Admitted || m.Status == MembershipStatus.Suspended))
                && db.Settings.Any(s => s.ProviderId == p.Id && s.ClosedAt == null
                    && !db.QaVisits.Any(v => v.ProviderId == p.Id && v.SettingId == s.Id && v.VisitDate > annualOverdueOnOrBefore)
                    && (db.QaVisits.Any(v => v.ProviderId == p.Id && v.SettingId == s.Id)
                        || db.LotMemberships.Any(m => m.ProviderId == p.Id && (m.Status == MembershipStatus.Admitted || m.Status == MembershipStatus.Suspended)
                            && m.AdmittedAt < admittedBefore))))
            || db.Placements.Any(pl => pl.ProviderId == p.Id && pl.Status == PlacementStatus.Active && pl.StartDate < placedBefore
                && !db.QaVisits.Any(v => v.ProviderId == p.Id && (v.VisitDate < pl.StartDate || (v.SettingId == pl.SettingId && v.VisitDate >= pl.StartDate))))
            || db.QaVisits.Any(v => v.ProviderId == p.Id && (v.ReportCompletedOn == null || v.ReportReviewedOn == null) && v.VisitDate < visitedBefore));
    }
}

namespace PlacementBroker.Core.Quality;

/// <summary>
/// The QA status rules (<see cref="QaStatusRules"/>, <see cref="QaTimetable"/>) in the form a query can test, so that
/// lists of thousands of providers derive the status only where it can be other than green. Red is exact: an open
/// critical flag. Amber needs a reason, and every reason needs one of these facts: an open flag, an open setting graded
/// below good, an admission to a lot with an open setting (the annual visit), an active placement (the visit after a
/// placement) or a visit whose report is not yet completed and reviewed. A provider with none of them is green on any
/// day. A new reason in the rules must add its fact here (QaStatusQueryTests compares the two on a varied market).
/// </summary>
public static class QaStatusQuery
{
    /// <summary>The providers the rules make red: those with an open critical flag.</summary>
    public static IQueryable<Provider> WhereRed(this IQueryable<Provider> providers, PlacementBrokerDbContext db) =>
        providers.Where(p => db.QaFlags.Any(f => f.ProviderId == p.Id && f.Status == FlagStatus.Open && f.Severity == FlagSeverity.Critical));

    /// <summary>The providers whose status may be other than green: every other provider is green, whatever the day.</summary>
    public static IQueryable<Provider> WhereMayNotBeGreen(this IQueryable<Provider> providers, PlacementBrokerDbContext db) =>
        providers.Where(p =>
            db.QaFlags.Any(f => f.ProviderId == p.Id && f.Status == FlagStatus.Open)
            || db.Settings.Any(s => s.ProviderId == p.Id && s.ClosedAt == null
                && (OfstedGrades.BelowGood.Contains(s.OfstedGrade)
                    || db.LotMemberships.Any(m => m.ProviderId == p.Id && (m.Status == MembershipStatus.Admitted || m.Status == MembershipStatus.Suspended))))
            || db.Placements.Any(pl => pl.ProviderId == p.Id && pl.Status == PlacementStatus.Active)
            || db.QaVisits.Any(v => v.ProviderId == p.Id && (v.ReportCompletedOn == null || v.ReportReviewedOn == null)));
}

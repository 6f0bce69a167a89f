namespace PlacementBroker.Core.Contracts;

/// <summary>A figure the platform measured, with the counts it came from ("12 of 14 referrals answered").</summary>
public sealed record MeasuredFigure(decimal? Value, string Basis);

/// <summary>
/// The figures the platform measures for a provider's KPI return, from its own records: referrals, offers, placements,
/// QA flags and Ofsted grades. The rules are in docs/contract-management.md; each is computed over the provider's work in
/// the KPI's lots during the quarter (up to today for a quarter not yet over), and, when an authority is given, over that
/// authority's referrals and placements only.
/// </summary>
public class KpiMeasurement(PlacementBrokerDbContext db)
{
    public static KpiUnit UnitOf(KpiMeasure measure) => measure switch
    {
        KpiMeasure.ResponseRate or KpiMeasure.OffersWithinDeadline or KpiMeasure.OfstedGoodOrBetterPercent => KpiUnit.Percent,
        _ => KpiUnit.Count,
    };

    /// <summary>Every measure for the provider over <paramref name="lotIds"/> from <paramref name="from"/> to <paramref name="to"/> (both inclusive, England's dates).</summary>
    public async Task<IReadOnlyDictionary<KpiMeasure, MeasuredFigure>> MeasureAsync(
        Guid providerId, IReadOnlyCollection<Guid> lotIds, DateOnly from, DateOnly to, Guid? authorityId = null, CancellationToken ct = default)
    {
        var start = UkTime.StartOf(from);
        var end = UkTime.StartOf(to.AddDays(1));
        var lots = lotIds.ToList();

        var received = await db.ReferralRecipients.AsNoTracking()
            .Where(r => r.ProviderId == providerId && r.NotifiedAt >= start && r.NotifiedAt < end)
            .Join(db.Referrals, r => r.ReferralId, f => f.Id, (r, f) => new { r.ReferralId, r.DeclinedAt, f.LotId, f.LocalAuthorityId, f.OfferDeadline })
            .Where(x => lots.Contains(x.LotId) && (authorityId == null || x.LocalAuthorityId == authorityId))
            .Select(x => new
            {
                x.DeclinedAt,
                FirstOffer = db.Offers.Where(o => o.ReferralId == x.ReferralId && o.ProviderId == providerId).Min(o => (DateTime?)o.CreatedAt),
                Deadline = x.OfferDeadline,
            })
            .ToListAsync(ct);
        var answered = received.Count(r => r.FirstOffer != null || r.DeclinedAt != null);
        var inTime = received.Count(r => r.FirstOffer is { } at && at <= r.Deadline);

        var ended = await db.Placements.AsNoTracking()
            .Where(p => p.ProviderId == providerId && p.EndDate >= from && p.EndDate <= to && p.EndReason == PlacementEndReason.Disruption
                && lots.Contains(p.Referral!.LotId) && (authorityId == null || p.LocalAuthorityId == authorityId))
            .Select(p => new { p.StartDate, p.EndDate, p.EndReason })
            .ToListAsync(ct);
        var disruptions = ended.Count(p => PlacementRules.DisruptedEarly(p.EndReason, p.StartDate, p.EndDate!.Value));

        var openFlags = await db.QaFlags.AsNoTracking()
            .CountAsync(f => f.ProviderId == providerId && f.RaisedAt < end && (f.ResolvedAt == null || f.ResolvedAt >= end), ct);

        var settings = await db.Settings.AsNoTracking()
            .Where(s => s.ProviderId == providerId && s.CreatedAt < end && (s.ClosedAt == null || s.ClosedAt >= end))
            .Select(s => new { s.Id, s.OfstedGrade })
            .ToListAsync(ct);
        var settingIds = settings.Select(s => s.Id).ToList();
        var changes = await db.SettingInspections.AsNoTracking().Where(i => settingIds.Contains(i.SettingId))
            .Select(i => new { i.SettingId, i.Grade, i.PreviousGrade, i.RecordedAt, i.Id })
            .ToListAsync(ct);
        var changesBy = changes.ToLookup(c => c.SettingId);
        var grades = settings.Select(s =>
        {
            // The grade at the quarter's end: the last change recorded before it; failing that, the grade the first later change replaced.
            var mine = changesBy[s.Id].OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).ToList();
            var before = mine.LastOrDefault(c => c.RecordedAt < end);
            if (before is not null)
            {
                return before.Grade;
            }
            var after = mine.FirstOrDefault();
            return after?.PreviousGrade ?? (after is null ? s.OfstedGrade : OfstedGrade.NotYetInspected);
        }).Where(g => g is OfstedGrade.Outstanding or OfstedGrade.Good or OfstedGrade.RequiresImprovement or OfstedGrade.Inadequate).ToList();
        var goodOrBetter = grades.Count(g => g is OfstedGrade.Outstanding or OfstedGrade.Good);

        return new Dictionary<KpiMeasure, MeasuredFigure>
        {
            [KpiMeasure.ResponseRate] = new(Sufficiency.Statistics.Percent(answered, received.Count),
                $"{answered} of {received.Count} {Plural(received.Count, "referral", "referrals")} received answered with an offer or a decline"),
            [KpiMeasure.OffersWithinDeadline] = new(Sufficiency.Statistics.Percent(inTime, received.Count),
                $"{inTime} of {received.Count} {Plural(received.Count, "referral", "referrals")} received answered with an offer by the offer deadline"),
            [KpiMeasure.DisruptionsWithin12Weeks] = new(disruptions,
                $"{disruptions} {Plural(disruptions, "placement", "placements")} ended by disruption within 12 weeks of starting"),
            [KpiMeasure.QaStatus] = new(openFlags, $"{openFlags} QA {Plural(openFlags, "flag", "flags")} open on {to:d MMMM yyyy}"),
            [KpiMeasure.OfstedGoodOrBetterPercent] = new(Sufficiency.Statistics.Percent(goodOrBetter, grades.Count),
                $"{goodOrBetter} of {grades.Count} graded {Plural(grades.Count, "setting", "settings")} Good or Outstanding on {to:d MMMM yyyy}"),
        };
    }

    /// <summary>
    /// The figure of each measured KPI in <paramref name="kpis"/>, by KPI id, over the KPI's lots that the provider is on
    /// (<paramref name="providerLots"/>; a KPI with no lots covers them all). KPIs over the same lots share one measurement.
    /// </summary>
    public async Task<Dictionary<Guid, MeasuredFigure>> MeasureKpisAsync(
        Guid providerId, IEnumerable<Kpi> kpis, IReadOnlyCollection<Guid> providerLots, DateOnly from, DateOnly to, Guid? authorityId = null,
        CancellationToken ct = default)
    {
        var result = new Dictionary<Guid, MeasuredFigure>();
        var byLots = new Dictionary<string, IReadOnlyDictionary<KpiMeasure, MeasuredFigure>>();
        foreach (var kpi in kpis.Where(k => k.Measure is not null))
        {
            var lots = (kpi.LotIds.Count == 0 ? providerLots : kpi.LotIds.Intersect(providerLots)).Order().ToList();
            var key = string.Join(",", lots);
            if (!byLots.TryGetValue(key, out var figures))
            {
                byLots[key] = figures = await MeasureAsync(providerId, lots, from, to, authorityId, ct);
            }
            result[kpi.Id] = figures[kpi.Measure!.Value];
        }
        return result;
    }

    private static string Plural(int n, string one, string many) => n == 1 ? one : many;
}

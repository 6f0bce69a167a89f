namespace PlacementBroker.Core.Contracts;

/// <summary>The contract-management home of a DPS, a provider's contract record, and the review pack.</summary>
public class ContractOverviewService(
    PlacementBrokerDbContext db, ContractAccess access, KpiMeasurement measurement, ContractReviewService reviews,
    ImprovementPlanService plans, QualityService quality, TimeProvider clock)
{
    /// <summary>Quarters a trend shows.</summary>
    public const int TrendQuarters = 8;

    /// <summary>Annual spend on the DPS above which a provider is high-spend (reviewed at least as medium risk, or high above the second line).</summary>
    public const decimal HighSpend = 1_000_000m;
    public const decimal MediumSpend = 250_000m;

    public async Task<Outcome<ContractOverview>> OverviewAsync(Actor actor, Guid dpsId, CancellationToken ct = default)
    {
        var dps = await access.DpsForAuthorityAsync(actor, dpsId, ct);
        if (Outcome<ContractOverview>.Refused(dps, "No such DPS.", ContractAccess.AuthorityReads(actor),
                "Contract management is for the DPS's commissioners and QA officers.", out var refusal))
        {
            return refusal;
        }
        var today = UkTime.Today(clock);
        var returns = await SummariesAsync(db.KpiReturns.Where(r => r.DpsId == dpsId), today, ct);
        var members = await MembersAsync(dpsId, ct);
        var due = await ReviewsDueAsync(dpsId, members, today, ct);
        var open = (await plans.ViewsAsync(db.ImprovementPlans.Where(p => p.DpsId == dpsId && p.Status == ImprovementPlanStatus.Open), today, ct))
            .Select(ImprovementPlanService.Summary).ToList();
        var below = await BelowTargetAsync(dpsId, ct);
        return Outcome<ContractOverview>.Success(new ContractOverview(dpsId, dps!.Name, dps.Lead, await db.Kpis.CountAsync(k => k.DpsId == dpsId, ct),
            returns, due, open, below));
    }

    /// <summary>The DPSs whose contracts the caller's authority sees (led or shared), with what needs attention in each.</summary>
    public async Task<List<DpsContractsSummary>> DpsListAsync(Actor actor, CancellationToken ct = default)
    {
        if (!ContractAccess.AuthorityReads(actor) || actor.LocalAuthorityId is not { } la)
        {
            return [];
        }
        var today = UkTime.Today(clock);
        var dpss = await db.DynamicPurchasingSystems.AsNoTracking().VisibleTo(la).OrderBy(d => d.Name)
            .Select(d => new { d.Id, d.Name, Lead = d.LeadLocalAuthorityId == la, Kpis = db.Kpis.Count(k => k.DpsId == d.Id) }).ToListAsync(ct);
        var ids = dpss.Select(d => d.Id).ToList();
        var returns = await db.KpiReturns.AsNoTracking().Where(r => ids.Contains(r.DpsId)).Select(r => new { r.DpsId, r.Status, r.DueBy, r.ResubmitBy }).ToListAsync(ct);
        var plans = await db.ImprovementPlans.AsNoTracking().Where(p => ids.Contains(p.DpsId) && p.Status == ImprovementPlanStatus.Open).GroupBy(p => p.DpsId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. dpss.Select(d => new DpsContractsSummary(d.Id, d.Name, d.Lead, d.Kpis,
            returns.Count(r => r.DpsId == d.Id && r.Status == KpiReturnStatus.Submitted),
            returns.Count(r => r.DpsId == d.Id && KpiService.IsOverdue(r.Status, r.DueBy, r.ResubmitBy, today)),
            plans.GetValueOrDefault(d.Id)))];
    }

    /// <summary>Every return of the provider's (for a provider user) across its DPSs, newest quarter first.</summary>
    public async Task<List<KpiReturnSummary>> ProviderReturnsAsync(Guid providerId, CancellationToken ct = default) =>
        await SummariesAsync(db.KpiReturns.Where(r => r.ProviderId == providerId), UkTime.Today(clock), ct);

    public async Task<Outcome<ContractRecord>> RecordAsync(Actor actor, Guid providerId, Guid dpsId, CancellationToken ct = default)
    {
        ContractAccess.DpsScope? dps = actor.Role == Role.ProviderUser
            ? actor.ProviderId == providerId ? await access.DpsForAsync(actor, dpsId, ct) : null
            : await access.DpsForAuthorityAsync(actor, dpsId, ct);
        if (dps is not null && !await access.IsMemberAsync(providerId, dpsId, ct))
        {
            dps = null;
        }
        if (Outcome<ContractRecord>.Refused(dps, "No such provider on this DPS.", actor.Role == Role.ProviderUser || ContractAccess.AuthorityReads(actor),
                "Contract records are for the DPS's commissioners and QA officers, and the provider.", out var refusal))
        {
            return refusal;
        }
        var today = UkTime.Today(clock);
        var name = await db.Providers.AsNoTracking().Where(p => p.Id == providerId).Select(p => p.Name).SingleAsync(ct);
        var trends = await TrendsAsync(providerId, dpsId, ct);
        var returns = await SummariesAsync(db.KpiReturns.Where(r => r.ProviderId == providerId && r.DpsId == dpsId), today, ct);
        var reviewList = await reviews.ViewsAsync(db.ContractReviews.Where(r => r.ProviderId == providerId && r.DpsId == dpsId), today, ct);
        var planList = (await plans.ViewsAsync(db.ImprovementPlans.Where(p => p.ProviderId == providerId && p.DpsId == dpsId), today, ct))
            .Select(ImprovementPlanService.Summary).ToList();
        var yours = actor.LocalAuthorityId is { } la ? await AuthorityTrendsAsync(providerId, dpsId, la, today, ct) : [];
        return Outcome<ContractRecord>.Success(new ContractRecord(providerId, name, dpsId, dps!.Name, trends, returns, reviewList, planList, yours));
    }

    /// <summary>The review pack: QA, Ofsted, spend, placements, KPI trends, open actions and plans, and a suggested risk rating with its reasons.</summary>
    public async Task<Outcome<ReviewPack>> PackAsync(Actor actor, Guid providerId, Guid dpsId, CancellationToken ct = default)
    {
        var dps = await access.DpsForAuthorityAsync(actor, dpsId, ct);
        if (dps is not null && !await access.IsMemberAsync(providerId, dpsId, ct))
        {
            dps = null;
        }
        if (Outcome<ReviewPack>.Refused(dps, "No such provider on this DPS.", ContractAccess.AuthorityReads(actor),
                "Review packs are for the DPS's commissioners and QA officers.", out var refusal))
        {
            return refusal;
        }
        var today = UkTime.Today(clock);
        var name = await db.Providers.AsNoTracking().Where(p => p.Id == providerId).Select(p => p.Name).SingleAsync(ct);
        var status = await quality.StatusAsync(providerId, ct);
        var openFlags = await db.QaFlags.CountAsync(f => f.ProviderId == providerId && f.Status == FlagStatus.Open, ct);
        var settings = await db.Settings.AsNoTracking().Where(s => s.ProviderId == providerId && s.ClosedAt == null).OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.OfstedGrade, s.LastInspectionDate }).ToListAsync(ct);
        var settingIds = settings.Select(s => s.Id).ToList();
        var history = (await db.SettingInspections.AsNoTracking().Where(i => settingIds.Contains(i.SettingId)).ToListAsync(ct)).ToLookup(i => i.SettingId);
        var lots = db.Lots.Where(l => l.DpsId == dpsId).Select(l => l.Id);
        var placements = await db.Placements.AsNoTracking().Where(p => p.ProviderId == providerId && lots.Contains(p.Referral!.LotId))
            .Select(p => new { p.Status, p.StartDate, p.WeeklyPrice, p.Places, p.Kind }).ToListAsync(ct);
        var blocks = await db.BlockContracts.AsNoTracking().Where(b => b.ProviderId == providerId && lots.Contains(b.LotId) && b.StartDate <= today && b.EndDate >= today)
            .Select(b => new { b.Places, b.WeeklyPricePerPlace }).ToListAsync(ct);
        var active = placements.Where(p => p.Status == PlacementStatus.Active).ToList();
        var spend = active.Where(p => p.Kind == PlacementKind.Spot).Sum(p => PlacementRules.AnnualCost(p.WeeklyPrice, p.Places))
            + blocks.Sum(b => PlacementRules.AnnualCost(b.WeeklyPricePerPlace, b.Places));
        var trends = await TrendsAsync(providerId, dpsId, ct);
        var reviewList = await reviews.ViewsAsync(db.ContractReviews.Where(r => r.ProviderId == providerId && r.DpsId == dpsId), today, ct);
        var planList = (await plans.ViewsAsync(db.ImprovementPlans.Where(p => p.ProviderId == providerId && p.DpsId == dpsId), today, ct)).Select(ImprovementPlanService.Summary).ToList();
        var lastHeld = reviewList.Where(r => r.Status == ContractReviewStatus.Held).MaxBy(r => r.Date);
        var (risk, reasons) = SuggestRisk(status?.Status, spend, planList, trends, await db.KpiReturns.AnyAsync(r => r.ProviderId == providerId && r.DpsId == dpsId && r.Status == KpiReturnStatus.Queried, ct));
        var members = await MembersAsync(dpsId, ct);
        var nextDue = (await ReviewsDueAsync(dpsId, members.Where(m => m.ProviderId == providerId).ToList(), today, ct)).SingleOrDefault()?.DueBy ?? today;
        return Outcome<ReviewPack>.Success(new ReviewPack(providerId, name, dpsId, dps!.Name, status?.Status ?? "Green", status?.Reasons ?? [], openFlags,
            [.. settings.Select(s => new SettingGradeView(s.Id, s.Name, s.OfstedGrade, s.LastInspectionDate,
                [.. history[s.Id].OrderByDescending(h => h.RecordedAt).Select(h => $"{Words.Name(h.Grade)}{(h.InspectionDate is { } d ? $", inspected {d:d MMMM yyyy}" : "")}")]))],
            active.Count, placements.Count(p => p.StartDate > today.AddYears(-1) && p.StartDate <= today), spend, risk, reasons, trends, lastHeld?.Date, nextDue,
            [.. reviewList.SelectMany(r => r.Actions).Where(a => a.CompletedAt is null).OrderBy(a => a.DueDate)], planList));
    }

    /// <summary>The rating a review pack suggests, and why: the commissioner records the rating they decide on.</summary>
    public static (RiskRating Rating, List<string> Reasons) SuggestRisk(string? qaStatus, decimal annualSpend, IReadOnlyList<ImprovementPlanSummary> plans,
        IReadOnlyList<KpiTrend> trends, bool queriedReturn)
    {
        var high = new List<string>();
        var medium = new List<string>();
        if (qaStatus == "Red")
        {
            high.Add("QA status is red");
        }
        else if (qaStatus == "Amber")
        {
            medium.Add("QA status is amber");
        }
        if (plans.Any(p => p.Status == ImprovementPlanStatus.Open))
        {
            high.Add("a service improvement plan is open");
        }
        if (annualSpend >= HighSpend)
        {
            high.Add($"annual spend is £{annualSpend:N0}, at or above £{HighSpend:N0}");
        }
        else if (annualSpend >= MediumSpend)
        {
            medium.Add($"annual spend is £{annualSpend:N0}, at or above £{MediumSpend:N0}");
        }
        var missed = trends.Where(t => t.Points.LastOrDefault(p => p.Value is not null) is { BelowTarget: true }).Select(t => t.Code).ToList();
        if (missed.Count > 0)
        {
            medium.Add($"below target on its latest return: {string.Join(", ", missed)}");
        }
        if (queriedReturn)
        {
            medium.Add("a KPI return is queried");
        }
        return high.Count > 0 ? (RiskRating.High, [.. high, .. medium]) : medium.Count > 0 ? (RiskRating.Medium, medium) : (RiskRating.Low, ["no risk indicators"]);
    }

    private sealed record Member(Guid ProviderId, string ProviderName, DateOnly AdmittedOn);

    private async Task<List<Member>> MembersAsync(Guid dpsId, CancellationToken ct) =>
        [.. (await db.LotMemberships.AsNoTracking().Where(m => m.Lot!.DpsId == dpsId && (m.Status == MembershipStatus.Admitted || m.Status == MembershipStatus.Suspended))
            .Select(m => new { m.ProviderId, m.Provider!.Name, m.AdmittedAt }).ToListAsync(ct))
            .GroupBy(m => m.ProviderId).Select(g => new Member(g.Key, g.First().Name, UkTime.DateOf(g.Min(m => m.AdmittedAt))))
            .OrderBy(m => m.ProviderName).ThenBy(m => m.ProviderId)];

    /// <summary>
    /// When each member is next due a review: the last held review's date plus its risk rating's interval; a provider never
    /// reviewed is due a year after admission. A review scheduled for a date still to come keeps a passed due date from
    /// showing as overdue; once its own date has passed without it being recorded, the review is overdue again.
    /// </summary>
    private async Task<List<ReviewDue>> ReviewsDueAsync(Guid dpsId, List<Member> members, DateOnly today, CancellationToken ct)
    {
        var all = await db.ContractReviews.AsNoTracking().Where(r => r.DpsId == dpsId)
            .Select(r => new { r.Id, r.ProviderId, r.Date, r.RiskRating, r.Status }).ToListAsync(ct);
        var byProvider = all.ToLookup(r => r.ProviderId);
        return [.. members.Select(m =>
        {
            var mine = byProvider[m.ProviderId].ToList();
            var held = mine.Where(r => r.Status == ContractReviewStatus.Held).MaxBy(r => r.Date);
            // The next review booked; a booked review whose date has passed without being recorded does not hold off "overdue".
            var scheduled = mine.Where(r => r.Status == ContractReviewStatus.Scheduled && r.Date >= today).MinBy(r => r.Date);
            var due = held is null ? m.AdmittedOn.AddYears(1) : ContractReviewService.NextReviewDue(held.Date, held.RiskRating);
            return new ReviewDue(m.ProviderId, m.ProviderName, held?.Date, held?.RiskRating, due, due < today && scheduled is null,
                scheduled?.Id, scheduled?.Date);
        }).OrderBy(r => r.DueBy).ThenBy(r => r.ProviderName)];
    }

    private async Task<List<ProviderBelowTarget>> BelowTargetAsync(Guid dpsId, CancellationToken ct)
    {
        var rows = await db.KpiReturns.AsNoTracking().Where(r => r.DpsId == dpsId && r.Status != KpiReturnStatus.Draft)
            .Select(r => new { r.Id, r.ProviderId, r.Provider!.Name, r.Quarter, r.BelowTarget, Codes = r.Values.Where(v => v.BelowTarget).Select(v => v.KpiId).ToList() })
            .ToListAsync(ct);
        var codes = await db.Kpis.AsNoTracking().Where(k => k.DpsId == dpsId).ToDictionaryAsync(k => k.Id, k => k.Code, ct);
        // Each provider's latest submitted return, when it is below target.
        return [.. rows.GroupBy(r => r.ProviderId).Select(g => g.MaxBy(r => r.Quarter, StringComparer.Ordinal)!).Where(r => r.BelowTarget)
            .Select(r => new ProviderBelowTarget(r.ProviderId, r.Name, r.Quarter, r.Id, [.. r.Codes.Select(c => codes.GetValueOrDefault(c, "?")).Order(StringComparer.Ordinal)]))
            .OrderBy(r => r.ProviderName)];
    }

    private async Task<List<KpiReturnSummary>> SummariesAsync(IQueryable<KpiReturn> query, DateOnly today, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .Select(r => new { r.Id, r.ProviderId, Provider = r.Provider!.Name, r.DpsId, Dps = r.Dps!.Name, r.Quarter, r.Status, r.DueBy, r.ResubmitBy, r.BelowTarget, r.SubmittedAt })
            .ToListAsync(ct);
        return [.. rows.Select(r => new KpiReturnSummary(r.Id, r.ProviderId, r.Provider, r.DpsId, r.Dps, r.Quarter, r.Status, r.DueBy,
                KpiService.IsOverdue(r.Status, r.DueBy, r.ResubmitBy, today), r.BelowTarget && r.Status != KpiReturnStatus.Draft, r.SubmittedAt))
            .OrderByDescending(r => r.Quarter, StringComparer.Ordinal).ThenBy(r => r.ProviderName).ThenBy(r => r.DpsName).ThenBy(r => r.Id)];
    }

    /// <summary>Each KPI's figure on the provider's submitted returns, quarter by quarter (oldest first), for the last <see cref="TrendQuarters"/>.</summary>
    private async Task<List<KpiTrend>> TrendsAsync(Guid providerId, Guid dpsId, CancellationToken ct)
    {
        var kpiList = await db.Kpis.AsNoTracking().Where(k => k.DpsId == dpsId).OrderBy(k => k.Order).ToListAsync(ct);
        var returns = await db.KpiReturns.AsNoTracking().Include(r => r.Values)
            .Where(r => r.ProviderId == providerId && r.DpsId == dpsId && r.Status != KpiReturnStatus.Draft).ToListAsync(ct);
        var recent = returns.OrderByDescending(r => r.Quarter, StringComparer.Ordinal).Take(TrendQuarters).OrderBy(r => r.Quarter, StringComparer.Ordinal).ToList();
        return [.. kpiList.Select(k => new KpiTrend(k.Id, k.Code, k.Name, k.Unit, k.Target, k.HigherIsBetter, k.Measure is not null,
            [.. recent.Select(r => r.Values.SingleOrDefault(v => v.KpiId == k.Id) is { } v
                ? new KpiTrendPoint(r.Quarter, v.Value, v.BelowTarget, r.Status)
                : new KpiTrendPoint(r.Quarter, null, false, r.Status))]))];
    }

    /// <summary>The measured KPIs over the caller's authority's own referrals and placements, for the last four quarters.</summary>
    private async Task<List<KpiTrend>> AuthorityTrendsAsync(Guid providerId, Guid dpsId, Guid authorityId, DateOnly today, CancellationToken ct)
    {
        var kpiList = await db.Kpis.AsNoTracking().Where(k => k.DpsId == dpsId && k.Measure != null).OrderBy(k => k.Order).ToListAsync(ct);
        if (kpiList.Count == 0)
        {
            return [];
        }
        var lots = await db.LotMemberships.AsNoTracking().Where(m => m.ProviderId == providerId && m.Lot!.DpsId == dpsId).Select(m => m.LotId).Distinct().ToListAsync(ct);
        var quarters = new List<Quarter>();
        for (var q = Quarter.Containing(today); quarters.Count < 4; q = q.Previous)
        {
            quarters.Insert(0, q);
        }
        var points = kpiList.ToDictionary(k => k.Id, _ => new List<KpiTrendPoint>());
        foreach (var q in quarters)
        {
            var figures = await measurement.MeasureKpisAsync(providerId, kpiList, lots, q.Start, q.End < today ? q.End : today, authorityId, ct);
            foreach (var k in kpiList)
            {
                var value = figures[k.Id].Value;
                points[k.Id].Add(new KpiTrendPoint(q.ToString(), value, k.Misses(value), KpiReturnStatus.Draft));
            }
        }
        return [.. kpiList.Select(k => new KpiTrend(k.Id, k.Code, k.Name, k.Unit, k.Target, k.HigherIsBetter, true, points[k.Id]))];
    }
}

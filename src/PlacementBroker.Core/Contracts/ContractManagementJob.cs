namespace PlacementBroker.Core.Contracts;

/// <summary>
/// The contract-management sweep: when a quarter ends, every provider on a DPS with KPIs has its return fall due (a
/// draft is created and the provider told once); a return past its due date is flagged overdue and the provider and the
/// lead commissioners told once; a milestone past its date escalates to the commissioners once. Idempotent: every
/// step is keyed (a unique return per provider, DPS and quarter; a time stamp per notice; an outbox reference per email),
/// so any node may run it at any time, as often as it likes.
/// </summary>
public class ContractManagementJob(
    PlacementBrokerDbContext db, ContractAccess access, WorkingDayCalendar calendar, EmailOutbox emails, TimeProvider clock)
{
    public const string RecurringId = "contract-management";
    public const string Cron = "30 6 * * *";

    /// <summary>How many ended quarters a sweep fills in for a provider, at most: the DPS's KPIs rarely reach further back.</summary>
    public const int QuartersBack = 8;

    public async Task RunAsync()
    {
        await ReturnsFallDueAsync();
        await OverdueReturnsAsync();
        await OverdueMilestonesAsync();
    }

    private async Task ReturnsFallDueAsync()
    {
        var today = UkTime.Today(clock);
        var lastEnded = Quarter.Containing(today).Previous;
        var kpisByDps = (await db.Kpis.AsNoTracking().ToListAsync()).GroupBy(k => k.DpsId).ToList();
        foreach (var kpis in kpisByDps)
        {
            var dps = new { DpsId = kpis.Key, First = kpis.Min(k => k.CreatedAt) };
            var first = Quarter.Containing(UkTime.DateOf(dps.First));
            // A provider owes a return when a KPI of the DPS covers one of its lots (a KPI with no lots covers them all).
            var members = (await db.LotMemberships.AsNoTracking()
                    .Where(m => m.Lot!.DpsId == dps.DpsId && (m.Status == MembershipStatus.Admitted || m.Status == MembershipStatus.Suspended))
                    .Select(m => new { m.ProviderId, m.LotId, m.AdmittedAt }).ToListAsync())
                .GroupBy(m => m.ProviderId)
                .Where(g => kpis.Any(k => k.LotIds.Count == 0 || k.LotIds.Intersect(g.Select(m => m.LotId)).Any()))
                .Select(g => new { ProviderId = g.Key, Admitted = UkTime.DateOf(g.Min(m => m.AdmittedAt)) }).ToList();
            var existing = (await db.KpiReturns.AsNoTracking().Where(r => r.DpsId == dps.DpsId).Select(r => new { r.ProviderId, r.Quarter }).ToListAsync())
                .Select(r => (r.ProviderId, r.Quarter)).ToHashSet();
            foreach (var member in members)
            {
                var from = Max(first, Quarter.Containing(member.Admitted));
                var earliest = lastEnded;
                for (var i = 1; i < QuartersBack; i++)
                {
                    earliest = earliest.Previous;
                }
                from = Max(from, earliest);
                for (var q = from; q <= lastEnded; q = q.Next)
                {
                    if (existing.Contains((member.ProviderId, q.ToString())))
                    {
                        continue;
                    }
                    var now = clock.GetUtcNow().UtcDateTime;
                    db.KpiReturns.Add(new KpiReturn
                    {
                        ProviderId = member.ProviderId, DpsId = dps.DpsId, Quarter = q.ToString(), QuarterStart = q.Start, QuarterEnd = q.End,
                        DueBy = q.ReturnDueBy(calendar), Status = KpiReturnStatus.Draft, CreatedAt = now, UpdatedAt = now,
                    });
                    try
                    {
                        await db.SaveChangesAsync();
                    }
                    catch (DbUpdateException)
                    {
                        // Another run created it at the same moment: the unique index kept one.
                    }
                    db.ChangeTracker.Clear();
                }
            }
        }

        var unannounced = await db.KpiReturns.Where(r => r.DueNoticeSentAt == null && r.Status == KpiReturnStatus.Draft && r.QuarterEnd < today)
            .Where(r => db.LotMemberships.Any(m => m.ProviderId == r.ProviderId && m.Lot!.DpsId == r.DpsId
                && (m.Status == MembershipStatus.Admitted || m.Status == MembershipStatus.Suspended)))
            .Select(r => new { r.Id, r.Quarter, r.DueBy, r.Provider!.Name, r.Provider.ContactEmail, Dps = r.Dps!.Name }).ToListAsync();
        foreach (var r in unannounced)
        {
            await emails.QueueAsync(r.ContactEmail, $"KPI return due by {r.DueBy:d MMMM yyyy}: {r.Dps}, {r.Quarter}",
                $"{r.Name}'s KPI return to {r.Dps} for {r.Quarter} is due by {r.DueBy:d MMMM yyyy}.\n\nThe figures the platform measures are filled in for you: "
                + "add the ones only you know, comment on any figure, and submit it from your contract management page.", $"kpi-return-due:{r.Id}");
            await SaveQuietlyAsync();
            await db.KpiReturns.Where(x => x.Id == r.Id && x.DueNoticeSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.DueNoticeSentAt, clock.GetUtcNow().UtcDateTime));
        }
    }

    private async Task OverdueReturnsAsync()
    {
        var today = UkTime.Today(clock);
        // A provider that has left the DPS is not chased for what it owed while on it; the commissioners still see the return.
        var overdue = await db.KpiReturns.Where(r => r.OverdueNoticeSentAt == null && r.DueBy < today
                && (r.Status == KpiReturnStatus.Draft || (r.Status == KpiReturnStatus.Queried && (r.ResubmitBy == null || r.ResubmitBy < today))))
            .Where(r => db.LotMemberships.Any(m => m.ProviderId == r.ProviderId && m.Lot!.DpsId == r.DpsId
                && (m.Status == MembershipStatus.Admitted || m.Status == MembershipStatus.Suspended)))
            .Select(r => new { r.Id, r.Quarter, DueBy = r.Status == KpiReturnStatus.Queried && r.ResubmitBy > r.DueBy ? r.ResubmitBy!.Value : r.DueBy, r.Status, r.Provider!.Name, r.Provider.ContactEmail, Dps = r.Dps!.Name, r.Dps.LeadLocalAuthorityId }).ToListAsync();
        foreach (var r in overdue)
        {
            var what = r.Status == KpiReturnStatus.Queried ? "queried and not yet resubmitted" : "not submitted";
            await emails.QueueAsync(r.ContactEmail, $"KPI return overdue: {r.Dps}, {r.Quarter}",
                $"{r.Name}'s KPI return to {r.Dps} for {r.Quarter} was due by {r.DueBy:d MMMM yyyy} and is {what}. Submit it now from your contract management page.",
                $"kpi-return-overdue:{r.Id}:{r.Status}");
            foreach (var to in await access.LeadCommissionerEmailsAsync(r.LeadLocalAuthorityId, default))
            {
                await emails.QueueAsync(to, $"KPI return overdue: {r.Name}, {r.Quarter}",
                    $"{r.Name}'s KPI return to {r.Dps} for {r.Quarter} was due by {r.DueBy:d MMMM yyyy} and is {what}.", $"kpi-return-overdue:{r.Id}:{r.Status}:{to.ToLowerInvariant()}");
            }
            await SaveQuietlyAsync();
            await db.KpiReturns.Where(x => x.Id == r.Id && x.OverdueNoticeSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.OverdueNoticeSentAt, clock.GetUtcNow().UtcDateTime));
        }
    }

    private async Task OverdueMilestonesAsync()
    {
        var today = UkTime.Today(clock);
        var late = await db.PlanMilestones.Where(m => m.CompletedAt == null && m.EscalatedAt == null && m.DueDate < today)
            .Join(db.ImprovementPlans.Where(p => p.Status == ImprovementPlanStatus.Open), m => m.ImprovementPlanId, p => p.Id,
                (m, p) => new { m.Id, m.Description, m.DueDate, PlanId = p.Id })
            .ToListAsync();
        foreach (var m in late)
        {
            var plan = await db.ImprovementPlans.AsNoTracking().Where(p => p.Id == m.PlanId)
                .Select(p => new { p.ProviderId, p.DpsId }).SingleAsync();
            var provider = await db.Providers.AsNoTracking().Where(x => x.Id == plan.ProviderId).Select(x => new { x.Name, x.ContactEmail }).SingleAsync();
            var dps = await db.DynamicPurchasingSystems.AsNoTracking().Where(d => d.Id == plan.DpsId).Select(d => new { d.Name, d.LeadLocalAuthorityId }).SingleAsync();
            foreach (var to in await access.LeadCommissionerEmailsAsync(dps.LeadLocalAuthorityId, default))
            {
                await emails.QueueAsync(to, $"Improvement plan milestone overdue: {provider.Name}",
                    $"A milestone of {provider.Name}'s service improvement plan ({dps.Name}) was due by {m.DueDate:d MMMM yyyy} and is not complete:\n\n{m.Description}\n\n"
                    + "Agree with the provider what happens next. If the plan has failed, close it as escalated: that suspends the provider's memberships of the DPS.",
                    $"milestone-overdue:{m.Id}:{to.ToLowerInvariant()}");
            }
            await emails.QueueAsync(provider.ContactEmail, $"Improvement plan milestone overdue: {dps.Name}",
                $"A milestone of your service improvement plan with {dps.Name} was due by {m.DueDate:d MMMM yyyy} and is not complete:\n\n{m.Description}\n\n"
                + "It has been escalated to the commissioners. Record your progress against it now.", $"milestone-overdue:{m.Id}");
            await SaveQuietlyAsync();
            await db.PlanMilestones.Where(x => x.Id == m.Id && x.EscalatedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EscalatedAt, clock.GetUtcNow().UtcDateTime));
        }
    }

    /// <summary>Saves the queued emails; one another run queued at the same moment is refused by the outbox's reference index and dropped.</summary>
    private async Task SaveQuietlyAsync()
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
        }
        db.ChangeTracker.Clear();
    }

    private static Quarter Max(Quarter a, Quarter b) => a >= b ? a : b;
}

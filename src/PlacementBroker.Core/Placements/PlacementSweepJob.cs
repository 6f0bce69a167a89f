using Microsoft.Extensions.Logging;

namespace PlacementBroker.Core.Placements;

/// <summary>
/// Hourly: completes planned ends whose day has come (the place goes back to the provider that day, not before), moves
/// prices and block places on as a dated variation's day comes, and releases any held place that no pending approval accounts for, reporting each in the log and the audit trail.
/// Every change is conditional on what was read, so two nodes or an interrupted run change each thing once.
/// </summary>
public class PlacementSweepJob(
    PlacementBrokerDbContext db, PlacementService placements, Uplifts.VariationService variations, AuditTrail audit, TimeProvider clock, ILogger<PlacementSweepJob> log)
{
    public const string RecurringId = "placement-sweep";
    public const string Cron = "5 * * * *";

    public async Task RunAsync() => await SweepAsync();

    public async Task<PlacementSweepResult> SweepAsync(CancellationToken ct = default)
    {
        var ended = await placements.CompletePlannedEndsAsync(ct);
        var released = await ReleaseStrayHoldsAsync(ct);
        await variations.ApplyDueAsync(ct);
        return new PlacementSweepResult(ended, released);
    }

    /// <summary>Sets each vacancy's held places back to what its pending approvals hold. A hold nothing accounts for is released.</summary>
    public async Task<int> ReleaseStrayHoldsAsync(CancellationToken ct = default)
    {
        var owed = db.Approvals.Where(a => a.Status == ApprovalStatus.Pending)
            .Join(db.Offers, a => a.OfferId, o => o.Id, (a, o) => new { o.VacancyId, a.PlacesHeld });
        var stray = await db.Vacancies.AsNoTracking()
            .Select(v => new { v.Id, v.SettingId, v.ProviderId, v.PlacesHeld, Owed = owed.Where(x => x.VacancyId == v.Id).Sum(x => (int?)x.PlacesHeld) ?? 0 })
            .Where(v => v.PlacesHeld > v.Owed)
            .ToListAsync(ct);
        var released = 0;
        foreach (var vacancy in stray)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var excess = vacancy.PlacesHeld - vacancy.Owed;
            // Conditional on the count read: a hold taken or released meanwhile leaves this vacancy to the next run.
            var changed = await db.Vacancies.Where(v => v.Id == vacancy.Id && v.PlacesHeld == vacancy.PlacesHeld)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.PlacesHeld, vacancy.Owed)
                    .SetProperty(v => v.Status, v => v.Status == VacancyStatus.Held ? VacancyStatus.Open : v.Status)
                    .SetProperty(v => v.Version, Guid.NewGuid()).SetProperty(v => v.UpdatedAt, now), ct);
            if (changed == 0)
            {
                continue;
            }
            released += excess;
            log.LogWarning("Released {Places} held place(s) on vacancy {VacancyId} that no pending approval accounted for", excess, vacancy.Id);
            audit.Record(null, "HeldPlacesReleased", nameof(Vacancy), vacancy.Id, $"{excess} place(s) held with no pending approval released", providerId: vacancy.ProviderId);
            await db.SaveChangesAsync(ct);
        }
        return released;
    }
}

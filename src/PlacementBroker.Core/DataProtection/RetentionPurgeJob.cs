using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PlacementBroker.Core.DataProtection;

/// <summary>
/// Daily: anonymises the child's identity on referrals closed without a placement longer ago than the retention period,
/// keeping what sufficiency needs (age at the start date, gender, needs, postcode district), and deletes the stored bodies
/// of old emails. Each referral is anonymised in its own transaction with its audit event, conditional on not being
/// anonymised yet, so a run killed midway or two runs at once change each referral once; emails in batches.
/// </summary>
public class RetentionPurgeJob(
    PlacementBrokerDbContext db, AuditTrail audit, IOptions<RetentionOptions> options, Sharing.IDocumentStore documents, TimeProvider clock,
    ILogger<RetentionPurgeJob> log)
{
    public const string RecurringId = "retention-purge";
    public const string Cron = "40 2 * * *";
    public const string Anonymised = "Anonymised";
    public const int BatchSize = 200;

    public async Task RunAsync() => await PurgeAsync();

    public async Task<RetentionPurgeResult> PurgeAsync(CancellationToken ct = default)
    {
        var referrals = await AnonymiseReferralsAsync(ct);
        var emails = await PurgeEmailBodiesAsync(ct);
        var deleted = await DeleteDocumentsAsync(ct);
        if (referrals > 0 || emails > 0 || deleted > 0)
        {
            db.ChangeTracker.Clear();
            audit.Record(null, "RetentionPurgeRun", "Retention", null,
                $"{referrals} referral(s) anonymised; {emails} email bod(y/ies) deleted; {deleted} document(s) deleted");
            await db.SaveChangesAsync(ct);
            log.LogInformation("Retention purge: {Referrals} referral(s) anonymised, {Emails} email bodies deleted, {Documents} documents deleted",
                referrals, emails, deleted);
        }
        return new RetentionPurgeResult(referrals, emails, deleted);
    }

    private async Task<int> AnonymiseReferralsAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.UnplacedReferralIdentityDays);
        var done = 0;
        var skipped = new HashSet<Guid>();
        while (true)
        {
            var due = await db.Referrals.AsNoTracking()
                .Where(r => (r.Status == ReferralStatus.Withdrawn || r.Status == ReferralStatus.Unfilled) && r.AnonymisedAt == null
                    && r.ClosedAt != null && r.ClosedAt < cutoff && !db.Placements.Any(p => p.ReferralId == r.Id))
                .OrderBy(r => r.ClosedAt).ThenBy(r => r.Id)
                .Select(r => new { r.Id, r.LocalAuthorityId, r.ChildDateOfBirth, r.StartDate, r.HomePostcode, r.HomeLatitude, r.HomeLongitude })
                .Take(BatchSize).ToListAsync(ct);
            due.RemoveAll(r => skipped.Contains(r.Id));
            if (due.Count == 0)
            {
                return done;
            }
            foreach (var r in due)
            {
                if (await AnonymiseAsync(r.Id, r.LocalAuthorityId, r.ChildDateOfBirth, r.StartDate, r.HomePostcode, r.HomeLatitude, r.HomeLongitude, ct))
                {
                    done++;
                }
                else
                {
                    skipped.Add(r.Id);
                }
            }
        }
    }

    private async Task<bool> AnonymiseAsync(Guid id, Guid localAuthorityId, DateOnly dateOfBirth, DateOnly startDate, string postcode,
        double? latitude, double? longitude, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        // The age on the start date is what matching and sufficiency use: a birthday on the start date keeps it exactly.
        var age = MatchService.AgeOn(dateOfBirth, startDate);
        var standIn = startDate.AddYears(-age);
        var district = Outward(postcode);
        double? lat = latitude is { } a ? Math.Round(a, 2) : null;
        double? lon = longitude is { } b ? Math.Round(b, 2) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Referrals
            .Where(r => r.Id == id && r.AnonymisedAt == null && (r.Status == ReferralStatus.Withdrawn || r.Status == ReferralStatus.Unfilled)
                && !db.Placements.Any(p => p.ReferralId == r.Id))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ChildReference, Anonymised)
                .SetProperty(r => r.ChildFirstName, Anonymised)
                .SetProperty(r => r.ChildLastName, Anonymised)
                .SetProperty(r => r.ChildDateOfBirth, standIn)
                .SetProperty(r => r.WishesAndFeelings, (string?)null)
                .SetProperty(r => r.LegalStatus, (string?)null)
                .SetProperty(r => r.RiskSummary, (string?)null)
                .SetProperty(r => r.CulturalNeeds, (string?)null)
                .SetProperty(r => r.ProviderSummary, (string?)null)
                .SetProperty(r => r.ClosedReason, (string?)null)
                .SetProperty(r => r.HomePostcode, district)
                .SetProperty(r => r.HomeLatitude, lat)
                .SetProperty(r => r.HomeLongitude, lon)
                .SetProperty(r => r.AnonymisedAt, now)
                .SetProperty(r => r.UpdatedAt, now), ct);
        if (changed == 0)
        {
            return false;
        }
        // Free text written about the child by providers goes with it.
        await db.Offers.Where(o => o.ReferralId == id && o.Notes != null).ExecuteUpdateAsync(s => s.SetProperty(o => o.Notes, (string?)null), ct);
        await db.ReferralRecipients.Where(x => x.ReferralId == id && x.DeclineDetail != null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DeclineDetail, (string?)null), ct);
        await db.ReferralQuestions.Where(q => q.ReferralId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Text, Anonymised).SetProperty(q => q.Answer, q => q.Answer == null ? null : Anonymised), ct);
        audit.Record(null, "ReferralAnonymised", nameof(Referral), id,
            $"Child's identity anonymised {options.Value.UnplacedReferralIdentityDays} days after the referral closed unplaced", localAuthorityId: localAuthorityId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private async Task<int> PurgeEmailBodiesAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.EmailBodyDays);
        var total = 0;
        while (true)
        {
            // Delivered before the cut-off, or given up on and written before it; an email still to be sent keeps its body.
            var ids = await db.OutboxEmails.AsNoTracking()
                .Where(e => e.Body != "" && ((e.DeliveredAt != null && e.DeliveredAt < cutoff)
                    || (e.DeliveredAt == null && e.Attempts >= EmailDeliveryJob.MaxAttempts && e.CreatedAt < cutoff)))
                .OrderBy(e => e.Id).Select(e => e.Id).Take(1000).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return total;
            }
            total += await db.OutboxEmails.Where(e => ids.Contains(e.Id) && e.Body != "").ExecuteUpdateAsync(s => s.SetProperty(e => e.Body, ""), ct);
        }
    }

    /// <summary>
    /// Documents whose retention period has ended: <see cref="RetentionOptions.DocumentDays"/> after their referral closed
    /// without a placement, or after the last of its placements ended. The bytes are removed from the store first, then the
    /// record is marked (its name removed, the row kept for the audit trail), one by one: a run stopped between the two
    /// leaves a record the next run finishes, never bytes with no record.
    /// </summary>
    private async Task<int> DeleteDocumentsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-options.Value.DocumentDays);
        var cutoffDay = UkTime.DateOf(cutoff);
        var done = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            var due = await db.ReferralDocuments.AsNoTracking()
                .Where(d => d.DeletedAt == null && db.Referrals.Any(r => r.Id == d.ReferralId && (
                    ((r.Status == ReferralStatus.Withdrawn || r.Status == ReferralStatus.Unfilled) && r.ClosedAt != null && r.ClosedAt < cutoff
                        && !db.Placements.Any(p => p.ReferralId == r.Id))
                    || (db.Placements.Any(p => p.ReferralId == r.Id)
                        && !db.Placements.Any(p => p.ReferralId == r.Id && (p.Status == PlacementStatus.Active || p.EndDate == null || p.EndDate >= cutoffDay))))))
                .OrderBy(d => d.UploadedAt).ThenBy(d => d.Id)
                .Select(d => new { d.Id, d.StorageKey, d.ReferralId, d.LocalAuthorityId })
                .Take(BatchSize).ToListAsync(ct);
            if (due.Count == 0)
            {
                return done;
            }
            foreach (var d in due)
            {
                await documents.DeleteAsync(d.StorageKey, ct);
                var changed = await db.ReferralDocuments.Where(x => x.Id == d.Id && x.DeletedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.DeletedAt, now).SetProperty(x => x.FileName, "Deleted")
                        .SetProperty(x => x.Note, (string?)null).SetProperty(x => x.DeletedReason, "Retention period ended"), ct);
                if (changed > 0)
                {
                    done++;
                    audit.Record(null, "DocumentDeleted", nameof(Sharing.ReferralDocument), d.Id,
                        $"Retention period ended ({options.Value.DocumentDays} days) for referral {d.ReferralId}", localAuthorityId: d.LocalAuthorityId);
                    await db.SaveChangesAsync(ct);
                }
            }
        }
    }

    /// <summary>"LS6 3QN" → "LS6": the postcode district, which identifies no household.</summary>
    public static string Outward(string postcode)
    {
        var p = postcode.Trim().ToUpperInvariant();
        var space = p.IndexOf(' ');
        if (space > 0)
        {
            return p[..space];
        }
        return p.Length > 3 ? p[..^3] : p;
    }
}

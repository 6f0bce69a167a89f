using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PlacementBroker.Core.DataProtection;

/// <summary>
/// Daily: anonymises the child's identity on referrals closed without a placement longer ago than the retention period,
/// keeping what sufficiency needs (age at the start date, gender, needs, postcode district), and deletes the stored bodies
/// of old emails. Each referral is anonymised in its own transaction with its audit event, conditional on not being
/// anonymised yet, so a run killed midway or two runs at once change each referral once; emails in batches.
/// </summary>
public class RetentionPurgeJob(PlacementBrokerDbContext db, AuditTrail audit, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionPurgeJob> log)
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
        if (referrals > 0 || emails > 0)
        {
            db.ChangeTracker.Clear();
            audit.Record(null, "RetentionPurgeRun", "Retention", null,
                $"{referrals} referral(s) anonymised; {emails} email bod(y/ies) deleted");
            await db.SaveChangesAsync(ct);
            log.LogInformation("Retention purge: {Referrals} referral(s) anonymised, {Emails} email bodies deleted", referrals, emails);
        }
        return new RetentionPurgeResult(referrals, emails);
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

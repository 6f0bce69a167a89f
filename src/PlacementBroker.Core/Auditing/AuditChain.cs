using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace PlacementBroker.Core.Auditing;

/// <summary>
/// The hash chain over the audit trail. Requests add events without a hash (appending never waits for anyone); the
/// sealer then takes the chain head's row lock, so one sealer at a time, and gives each unsealed event, in id order, the
/// next sequence number, the previous event's hash and its own SHA-256 hash. Changing, removing or re-ordering a sealed
/// event breaks the chain at that point, which <see cref="VerifyAsync"/> finds.
/// </summary>
public class AuditChain(PlacementBrokerDbContext db, TimeProvider clock, ILogger<AuditChain> log)
{
    public const int BatchSize = 500;

    /// <summary>Seals every event waiting; returns how many. Each batch is one transaction, so a run killed midway loses nothing.</summary>
    public async Task<int> SealAsync(CancellationToken ct = default)
    {
        var sealedCount = 0;
        while (true)
        {
            var batch = await SealBatchAsync(ct);
            sealedCount += batch;
            if (batch < BatchSize)
            {
                return sealedCount;
            }
        }
    }

    private async Task<int> SealBatchAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The single-writer lock: PostgreSQL and SQL Server lock the head row until commit; SQLite serialises writers.
        await db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LockVersion, Guid.NewGuid()), ct);
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.Hash == null).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
        if (events.Count == 0)
        {
            return 0;
        }
        var sequence = head.LastSequence;
        var previous = head.LastHash;
        foreach (var e in events)
        {
            e.Sequence = ++sequence;
            e.PreviousHash = previous;
            e.Hash = ComputeHash(e);
            previous = e.Hash;
            var (seq, prev, hash) = (e.Sequence, e.PreviousHash, e.Hash);
            var written = await db.AuditEvents.Where(x => x.Id == e.Id && x.Hash == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Sequence, seq).SetProperty(x => x.PreviousHash, prev).SetProperty(x => x.Hash, hash), ct);
            if (written != 1)
            {
                // Only possible if something other than a sealer wrote the hash: leave it all for the next run.
                throw new InvalidOperationException($"Audit event {e.Id} was sealed by something other than the sealer.");
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, sequence).SetProperty(h => h.LastHash, previous).SetProperty(h => h.LastSealedAt, now), ct);
        await transaction.CommitAsync(ct);
        return events.Count;
    }

    /// <summary>
    /// Recomputes the chain from its first event to the head: each event must carry the next sequence number, the hash of
    /// the one before and a hash that matches its fields, and the last must be the head's. Records and logs the outcome.
    /// </summary>
    public async Task<AuditChainReport> VerifyAsync(CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);
        long expected = 1;
        string? previous = null;
        long? brokenAt = null;
        string? reason = null;
        long after = 0;
        while (brokenAt is null)
        {
            var batch = await db.AuditEvents.AsNoTracking()
                .Where(e => e.Sequence != null && e.Sequence > after && e.Sequence <= head.LastSequence)
                .OrderBy(e => e.Sequence).Take(2000).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var e in batch)
            {
                if (e.Sequence != expected)
                {
                    (brokenAt, reason) = (e.Id, $"The event before this one (sequence {expected}) is missing");
                }
                else if (e.PreviousHash != previous)
                {
                    (brokenAt, reason) = (e.Id, "Its previous hash is not the hash of the event before it: that event was changed or removed");
                }
                else if (e.Hash != ComputeHash(e))
                {
                    (brokenAt, reason) = (e.Id, "Its fields do not match its hash: the event was changed");
                }
                if (brokenAt is not null)
                {
                    break;
                }
                previous = e.Hash;
                expected++;
                after = e.Sequence!.Value;
            }
        }
        if (brokenAt is null && (expected - 1 != head.LastSequence || previous != head.LastHash))
        {
            (brokenAt, reason) = (-1, $"The chain ends at sequence {expected - 1} but its head records {head.LastSequence}: the last events were removed");
        }
        var unsealed = await db.AuditEvents.LongCountAsync(e => e.Hash == null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var checkedThrough = expected - 1;
        await db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.VerifiedAt, now).SetProperty(h => h.VerifiedThroughSequence, checkedThrough)
                .SetProperty(h => h.BrokenAtEventId, brokenAt).SetProperty(h => h.BrokenReason, reason), ct);
        if (brokenAt is null)
        {
            log.LogInformation("The audit chain is whole through sequence {Sequence} ({Unsealed} event(s) waiting to be sealed)", checkedThrough, unsealed);
        }
        else
        {
            log.LogCritical("The audit chain is broken at audit event {EventId}: {Reason}", brokenAt, reason);
        }
        return new AuditChainReport(brokenAt is null, checkedThrough, brokenAt, reason, now, unsealed);
    }

    /// <summary>The last verification's outcome, as recorded on the head; null before the first.</summary>
    public async Task<AuditChainReport?> LastReportAsync(CancellationToken ct = default)
    {
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);
        var unsealed = await db.AuditEvents.LongCountAsync(e => e.Hash == null, ct);
        return head.VerifiedAt is null ? null
            : new AuditChainReport(head.BrokenAtEventId is null, head.VerifiedThroughSequence, head.BrokenAtEventId, head.BrokenReason, head.VerifiedAt.Value, unsealed);
    }

    /// <summary>SHA-256, lowercase hex, over a JSON array of the event's fields in a fixed order, ending with the previous hash.</summary>
    public static string ComputeHash(AuditEvent e)
    {
        string?[] fields =
        [
            e.Sequence?.ToString(CultureInfo.InvariantCulture),
            e.Id.ToString(CultureInfo.InvariantCulture),
            DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            e.ActorUserId?.ToString("D"),
            e.ActorEmail,
            e.Action,
            e.EntityType,
            e.EntityId,
            e.LocalAuthorityId?.ToString("D"),
            e.ProviderId?.ToString("D"),
            e.Detail,
            e.IpAddress,
            e.PreviousHash,
        ];
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields)));
        return Convert.ToHexStringLower(bytes);
    }
}

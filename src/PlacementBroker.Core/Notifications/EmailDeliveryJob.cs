using Microsoft.Extensions.Logging;

namespace PlacementBroker.Core.Notifications;

/// <summary>
/// Sweeps the outbox and delivers what is waiting. Safe to run at any time, on any node, any number of times, and
/// at the same time: each email is claimed before it is sent, by a conditional update that only one run can win (a
/// lease of <see cref="Lease"/>), so two overlapping runs never send one email twice. A run killed mid-send leaves
/// its claim to expire; the next run after that sends the email again.
/// </summary>
public class EmailDeliveryJob(PlacementBrokerDbContext db, IEmailDelivery delivery, TimeProvider clock, ILogger<EmailDeliveryJob> logger)
{
    public const string RecurringId = "email-delivery";
    public const int MaxAttempts = 10;
    public const int BatchSize = 200;

    /// <summary>How long a claim keeps other runs off an email: longer than any one send may take (see <see cref="SendTimeout"/>).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>A send that takes longer is abandoned (and tried again later), so it never outlives its lease.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromMinutes(2);

    public async Task RunAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await db.OutboxEmails.AsNoTracking()
            .Where(e => e.DeliveredAt == null && !e.HeldUntilConfirmed && e.Attempts < MaxAttempts && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Select(e => e.Id).Take(BatchSize).ToListAsync();
        foreach (var id in waiting)
        {
            var email = await ClaimAsync(id);
            if (email is null)
            {
                // Another run claimed it (or delivered it) first.
                continue;
            }
            await SendAsync(email);
        }
    }

    /// <summary>
    /// Takes the lease on one email, if it is still waiting and nobody holds a live lease on it: one conditional update,
    /// so of two runs racing for it exactly one wins. The attempt is counted with the claim, so an email whose sends
    /// keep killing the run is given up after <see cref="MaxAttempts"/>.
    /// </summary>
    private async Task<OutboxEmail?> ClaimAsync(Guid id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        var token = Guid.NewGuid();
        var claimed = await db.OutboxEmails
            .Where(e => e.Id == id && e.DeliveredAt == null && !e.HeldUntilConfirmed && e.Attempts < MaxAttempts && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.ClaimedUntil, until)
                .SetProperty(e => e.ClaimToken, token)
                .SetProperty(e => e.Attempts, e => e.Attempts + 1));
        if (claimed == 0)
        {
            return null;
        }
        return await db.OutboxEmails.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.ClaimToken == token);
    }

    private async Task SendAsync(OutboxEmail email)
    {
        var token = email.ClaimToken;
        string? deliveryId;
        try
        {
            using var timeout = new CancellationTokenSource(SendTimeout);
            deliveryId = await delivery.DeliverAsync(email, timeout.Token);
        }
        catch (Exception e)
        {
            var error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
            logger.LogWarning(e, "Could not deliver email {EmailId} (attempt {Attempt})", email.Id, email.Attempts);
            // The lease is given up, so the next sweep tries again.
            await db.OutboxEmails.Where(e => e.Id == email.Id && e.ClaimToken == token && e.DeliveredAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastError, error).SetProperty(e => e.ClaimedUntil, (DateTime?)null), CancellationToken.None);
            return;
        }
        var deliveredAt = clock.GetUtcNow().UtcDateTime;
        var deliveredBy = delivery.Name;
        // Once an email service has the email, its body is no longer ours to keep: it is blanked with the record of
        // delivery (subject, recipient, reference and delivery facts stay). Emails kept for the local outbox keep theirs.
        var purgeBody = deliveredBy != KeepInOutboxDelivery.DeliveredByName;
        // Recorded at once, one email at a time: an email recorded as delivered is never sent again.
        var recorded = await db.OutboxEmails.Where(e => e.Id == email.Id && e.ClaimToken == token && e.DeliveredAt == null)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(e => e.DeliveredAt, deliveredAt)
                    .SetProperty(e => e.DeliveredBy, deliveredBy)
                    .SetProperty(e => e.DeliveryId, deliveryId)
                    .SetProperty(e => e.LastError, (string?)null)
                    .SetProperty(e => e.ClaimedUntil, (DateTime?)null);
                if (purgeBody)
                {
                    s.SetProperty(e => e.Body, "");
                }
            }, CancellationToken.None);
        if (recorded == 0)
        {
            logger.LogWarning("Email {EmailId} was sent after its claim had expired and been taken by another run", email.Id);
        }
    }
}

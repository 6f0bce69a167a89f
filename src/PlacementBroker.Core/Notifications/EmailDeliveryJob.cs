using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PlacementBroker.Core.Data;

namespace PlacementBroker.Core.Notifications;

/// <summary>Sweeps the outbox and delivers what is waiting. Safe to run at any time, on any node, any number of times.</summary>
public class EmailDeliveryJob(PlacementBrokerDbContext db, IEmailDelivery delivery, TimeProvider clock, ILogger<EmailDeliveryJob> logger)
{
    public const string RecurringId = "email-delivery";
    private const int MaxAttempts = 10;

    public async Task RunAsync()
    {
        var waiting = await db.OutboxEmails
            .Where(e => e.DeliveredAt == null && e.Attempts < MaxAttempts)
            .OrderBy(e => e.CreatedAt).Take(200).ToListAsync();
        foreach (var email in waiting)
        {
            email.Attempts++;
            try
            {
                email.DeliveryId = await delivery.DeliverAsync(email, CancellationToken.None);
                email.DeliveredAt = clock.GetUtcNow().UtcDateTime;
                email.DeliveredBy = delivery.Name;
                email.LastError = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                email.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                logger.LogWarning(e, "Could not deliver email {EmailId} (attempt {Attempt})", email.Id, email.Attempts);
            }
            // Saved one by one: a crash part-way never sends an email twice that was recorded as sent.
            await db.SaveChangesAsync();
        }
    }
}

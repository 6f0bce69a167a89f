using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core.Data;

namespace PlacementBroker.Core.Notifications;

/// <summary>
/// Queues emails in the caller's unit of work: they are saved with the change that caused them, and the delivery
/// sweep sends them afterwards. Never put a child's identifying details in an email.
/// </summary>
public class EmailOutbox(PlacementBrokerDbContext db, TimeProvider clock)
{
    /// <returns>false when an email with the same reference was queued before (a repeated sweep).</returns>
    public async Task<bool> QueueAsync(string to, string subject, string body, string? reference = null, CancellationToken ct = default)
    {
        if (reference is not null
            && (await db.OutboxEmails.AnyAsync(e => e.Reference == reference, ct)
                || db.OutboxEmails.Local.Any(e => e.Reference == reference)))
        {
            return false;
        }
        db.OutboxEmails.Add(new OutboxEmail
        {
            To = to,
            Subject = subject,
            Body = body,
            Reference = reference,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        return true;
    }
}

/// <summary>Delivers one email, returning the delivery service's id for it.</summary>
public interface IEmailDelivery
{
    string Name { get; }

    Task<string?> DeliverAsync(OutboxEmail email, CancellationToken ct);
}

/// <summary>No email service configured: emails stay in the outbox, where the demo and developers read them.</summary>
public class KeepInOutboxDelivery : IEmailDelivery
{
    public string Name => "Outbox";

    public Task<string?> DeliverAsync(OutboxEmail email, CancellationToken ct) => Task.FromResult<string?>(null);
}

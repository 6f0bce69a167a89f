namespace PlacementBroker.Core.Notifications;

/// <summary>Delivers one email, returning the delivery service's id for it.</summary>
public interface IEmailDelivery
{
    string Name { get; }

    Task<string?> DeliverAsync(OutboxEmail email, CancellationToken ct);
}

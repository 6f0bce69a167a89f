namespace PlacementBroker.Core.Notifications;

/// <summary>No email service configured: emails stay in the outbox, where the demo and developers read them.</summary>
public class KeepInOutboxDelivery : IEmailDelivery
{
    /// <summary>What <see cref="OutboxEmail.DeliveredBy"/> says of an email kept here; such emails keep their bodies.</summary>
    public const string DeliveredByName = "Outbox";

    public string Name => DeliveredByName;

    public Task<string?> DeliverAsync(OutboxEmail email, CancellationToken ct) => Task.FromResult<string?>(null);
}

namespace PlacementBroker.Core.Notifications;

/// <summary>
/// An email, written in the same transaction as the change that caused it and delivered afterwards by a
/// sweep, so nothing is lost on a crash or retry. Without a GOV.UK Notify key it stays here for people to read.
/// </summary>
public class OutboxEmail
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    /// <summary>What the email is about, unique when set, so a repeated sweep never sends the same reminder twice.</summary>
    public string? Reference { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime? DeliveredAt { get; set; }
    /// <summary>"Outbox" (kept locally) or "GovukNotify".</summary>
    public string? DeliveredBy { get; set; }
    public string? DeliveryId { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>
    /// A delivery run's lease on the email: until then no other run may send it. A run that dies mid-send leaves the
    /// lease to expire, and the next run sends the email again (at least once after a crash, exactly once otherwise).
    /// </summary>
    public DateTime? ClaimedUntil { get; set; }
    /// <summary>The run holding the lease: only that run records the outcome of its send.</summary>
    public Guid? ClaimToken { get; set; }
    /// <summary>
    /// Sent to a provider's contact address that nobody has confirmed yet: kept here, undelivered, until the address is
    /// confirmed by the link sent to it (then released to the delivery sweep).
    /// </summary>
    public bool HeldUntilConfirmed { get; set; }
}

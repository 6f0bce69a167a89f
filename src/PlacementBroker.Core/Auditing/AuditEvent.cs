namespace PlacementBroker.Core.Auditing;

/// <summary>
/// Who did what to what, when. Append-only and tamper-evident: an event is written without a hash, and the sealing job
/// (<see cref="AuditChain"/>) later gives it its place in the chain (<see cref="Sequence"/>), the hash of the event before
/// it and its own hash. After that nothing about it may change.
/// </summary>
public class AuditEvent
{
    public long Id { get; set; }
    public DateTime OccurredAt { get; set; }
    public Guid? ActorUserId { get; set; }
    public string? ActorEmail { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public Guid? LocalAuthorityId { get; set; }
    public Guid? ProviderId { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
    /// <summary>The event's place in the chain, 1, 2, 3… with no gaps; null until sealed.</summary>
    public long? Sequence { get; set; }
    /// <summary>The <see cref="Hash"/> of the event at <see cref="Sequence"/> − 1 (null for the first).</summary>
    public string? PreviousHash { get; set; }
    /// <summary>SHA-256 (hex) of the event's fields and <see cref="PreviousHash"/>: <see cref="AuditChain.ComputeHash"/>.</summary>
    public string? Hash { get; set; }
}

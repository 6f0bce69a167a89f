namespace PlacementBroker.Core.Auditing;

/// <summary>
/// Who did what to what, when. Append-only and tamper-evident: an event is written without a hash, and the sealing job
/// (<see cref="AuditChain"/>) later gives it its place in the chain (<see cref="Sequence"/>), the hash of the event before
/// it and its own hash. After that nothing about it may change.
/// </summary>
public class AuditEvent
{
    public long Id { get; init; }
    public required DateTime OccurredAt { get; init; }
    public Guid? ActorUserId { get; init; }
    public string? ActorEmail { get; init; }
    public required string Action { get; init; }
    public required string EntityType { get; init; }
    public string? EntityId { get; init; }
    public Guid? LocalAuthorityId { get; init; }
    public Guid? ProviderId { get; init; }
    public string? Detail { get; init; }
    public string? IpAddress { get; init; }
    /// <summary>The event's place in the chain, 1, 2, 3… with no gaps; null until sealed.</summary>
    public long? Sequence { get; set; }
    /// <summary>The <see cref="Hash"/> of the event at <see cref="Sequence"/> − 1 (null for the first).</summary>
    public string? PreviousHash { get; set; }
    /// <summary>SHA-256 (hex) of the event's fields and <see cref="PreviousHash"/>: <see cref="AuditChain.ComputeHash"/>.</summary>
    public string? Hash { get; set; }
}

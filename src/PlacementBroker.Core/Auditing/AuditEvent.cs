namespace PlacementBroker.Core.Auditing;

/// <summary>Who did what to what, when. Append-only.</summary>
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
}

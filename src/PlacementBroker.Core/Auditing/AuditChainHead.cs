namespace PlacementBroker.Core.Auditing;

/// <summary>The single row that records the chain's end, taken as a row lock by the one sealer at a time, and the last verification.</summary>
public class AuditChainHead
{
    public const int SingletonId = 1;
    public int Id { get; init; }
    public long LastSequence { get; set; }
    public string? LastHash { get; set; }
    public DateTime? LastSealedAt { get; set; }
    /// <summary>Rewritten to take the row lock.</summary>
    public Guid LockVersion { get; set; }
    public DateTime? VerifiedAt { get; set; }
    public long VerifiedThroughSequence { get; set; }
    /// <summary>Null when the last verification found the chain whole; otherwise the id of the first event that does not follow.</summary>
    public long? BrokenAtEventId { get; set; }
    public string? BrokenReason { get; set; }
}

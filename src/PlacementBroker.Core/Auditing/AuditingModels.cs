namespace PlacementBroker.Core.Auditing;

/// <summary>What a verification of the chain found: whole through a sequence, or broken at the first event that does not follow.</summary>
public sealed record AuditChainReport(bool Intact, long CheckedThroughSequence, long? BrokenAtEventId, string? Reason, DateTime VerifiedAt, long UnsealedEvents);

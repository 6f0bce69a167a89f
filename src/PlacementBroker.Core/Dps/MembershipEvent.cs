namespace PlacementBroker.Core.Dps;

/// <summary>One change of a membership: who, when, why.</summary>
public class MembershipEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MembershipId { get; set; }
    public MembershipStatus? FromStatus { get; set; }
    public MembershipStatus ToStatus { get; set; }
    public DateTime OccurredAt { get; set; }
    public Guid? ByUserId { get; set; }
    public required string Reason { get; set; }
}

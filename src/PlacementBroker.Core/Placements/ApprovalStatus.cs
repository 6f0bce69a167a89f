namespace PlacementBroker.Core.Placements;

public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,
}

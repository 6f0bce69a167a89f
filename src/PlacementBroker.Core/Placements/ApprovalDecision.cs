namespace PlacementBroker.Core.Placements;

public enum ApprovalDecision
{
    Approve,
    Reject,
}

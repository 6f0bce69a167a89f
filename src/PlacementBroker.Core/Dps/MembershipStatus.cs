namespace PlacementBroker.Core.Dps;

public enum MembershipStatus
{
    Admitted,
    Suspended,
    Withdrawn,
    Removed,
}

namespace PlacementBroker.Core.Dps;

public enum ApplicationStatus
{
    Draft,
    Submitted,
    Admitted,
    Rejected,
    Withdrawn,
}

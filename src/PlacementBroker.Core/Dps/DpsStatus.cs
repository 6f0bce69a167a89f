namespace PlacementBroker.Core.Dps;

public enum DpsStatus
{
    Draft,
    Open,
    Closed,
}

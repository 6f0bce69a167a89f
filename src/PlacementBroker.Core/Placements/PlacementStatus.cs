namespace PlacementBroker.Core.Placements;

public enum PlacementStatus
{
    Active,
    Ended,
}

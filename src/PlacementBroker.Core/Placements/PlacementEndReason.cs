namespace PlacementBroker.Core.Placements;

public enum PlacementEndReason
{
    PlannedMove,
    Disruption,
    ReturnedHome,
    AdoptionOrSpecialGuardianship,
    TurnedEighteen,
    Other,
}

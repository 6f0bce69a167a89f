namespace PlacementBroker.Web.Pages.Placements;

public static class PlacementLabels
{
    public static string EndReason(PlacementEndReason reason) => reason switch
    {
        PlacementEndReason.PlannedMove => "Planned move",
        PlacementEndReason.Disruption => "Disruption (placement broke down)",
        PlacementEndReason.ReturnedHome => "Returned home",
        PlacementEndReason.AdoptionOrSpecialGuardianship => "Adoption or special guardianship",
        PlacementEndReason.TurnedEighteen => "Turned 18",
        _ => "Other",
    };
}

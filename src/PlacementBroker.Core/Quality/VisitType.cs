namespace PlacementBroker.Core.Quality;

public enum VisitType
{
    Annual,
    PrePlacement,
    Concern,
    FollowUp,
}

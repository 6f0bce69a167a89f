namespace PlacementBroker.Core.Quality;

public enum VisitOutcome
{
    Satisfactory,
    ImprovementsNeeded,
    Unsatisfactory,
}

namespace PlacementBroker.Core.Quality;

public enum FlagCategory
{
    Concern,
    Complaint,
    Safeguarding,
    RegulatoryAction,
}

namespace PlacementBroker.Core.Quality;

public enum FlagStatus
{
    Open,
    Resolved,
}

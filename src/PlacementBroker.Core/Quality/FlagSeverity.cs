namespace PlacementBroker.Core.Quality;

public enum FlagSeverity
{
    Low,
    Medium,
    High,
    /// <summary>An open critical flag makes the provider red: suspended from its lots and out of matching.</summary>
    Critical,
}

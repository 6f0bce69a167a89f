namespace PlacementBroker.Core.Quality;

public enum WorkKind
{
    /// <summary>DPS providers: every setting visited every year.</summary>
    AnnualVisit,
    /// <summary>New providers: visited before a placement where possible, otherwise within 7 days of it starting.</summary>
    PostPlacementVisit,
    /// <summary>Settings graded Requires improvement or Inadequate: before a placement and again within 6 months until re-inspected.</summary>
    ImprovementVisit,
    /// <summary>Concerns and complaints: visited within 7 days when high or critical, 28 days when medium.</summary>
    ConcernVisit,
    /// <summary>Reports completed and reviewed within 14 days of the visit.</summary>
    Report,
}

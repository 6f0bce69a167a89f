namespace PlacementBroker.Core.Placements;

public static class PlacementRules
{
    public const int EarlyDisruptionDays = 12 * 7;

    /// <summary>A placement that broke down within 12 weeks: the measure of stability in provider performance.</summary>
    public static bool DisruptedEarly(PlacementEndReason? reason, DateOnly start, DateOnly end) =>
        reason == PlacementEndReason.Disruption && end.DayNumber - start.DayNumber <= EarlyDisruptionDays;
}

namespace PlacementBroker.Core.Placements;

public static class PlacementRules
{
    public const int EarlyDisruptionDays = 12 * 7;

    /// <summary>The weeks a year's cost is counted over, where a weekly price is shown as a cost for a year.</summary>
    public const int WeeksInAYear = 52;

    /// <summary>What <paramref name="weeklyPrice"/> for each of <paramref name="children"/> costs over a year.</summary>
    public static decimal AnnualCost(decimal weeklyPrice, int children = 1) => weeklyPrice * Math.Max(1, children) * WeeksInAYear;

    /// <summary>A placement that broke down within 12 weeks: the measure of stability in provider performance.</summary>
    public static bool DisruptedEarly(PlacementEndReason? reason, DateOnly start, DateOnly end) =>
        reason == PlacementEndReason.Disruption && end.DayNumber - start.DayNumber <= EarlyDisruptionDays;
}

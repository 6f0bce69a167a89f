namespace PlacementBroker.Core.Sufficiency;

/// <summary>Medians and quartiles as spreadsheets compute them (linear interpolation between the closest ranks).</summary>
public static class Statistics
{
    public static decimal? Percentile(IReadOnlyList<decimal> sorted, decimal p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }
        var position = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    public static Quartiles Quartiles(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        return new Quartiles(Round(Percentile(sorted, 0.25m)), Round(Percentile(sorted, 0.5m)), Round(Percentile(sorted, 0.75m)), sorted.Count);
    }

    public static decimal? Median(IEnumerable<decimal> values) => Round(Percentile(values.Order().ToList(), 0.5m), 1);

    public static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1);

    private static decimal? Round(decimal? value, int places = 2) => value is { } v ? Math.Round(v, places, MidpointRounding.AwayFromZero) : null;
}

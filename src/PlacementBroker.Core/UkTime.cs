namespace PlacementBroker.Core;

/// <summary>Dates as people in England see them: a decision "due today" means today in London, not in UTC.</summary>
public static class UkTime
{
    /// <summary>England's time zone: the one every conversion between UTC and what people in England read goes through.</summary>
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>A UTC moment as the wall-clock time it was in England.</summary>
    public static DateTime LocalOf(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(LocalOf(utc));

    /// <summary>The UTC moment England's <paramref name="date"/> begins (midnight in London).</summary>
    public static DateTime StartOf(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), London);
}

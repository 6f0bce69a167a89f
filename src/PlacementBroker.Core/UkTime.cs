namespace PlacementBroker.Core;

/// <summary>Dates as people in England see them: a decision "due today" means today in London, not in UTC.</summary>
public static class UkTime
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow().UtcDateTime);

    private static readonly System.Globalization.CultureInfo EnGb = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"23 November 2026", as written in England.</summary>
    public static string Describe(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    /// <summary>"23 November 2026 at 9:05am", in England's time: how emails and pages state an instant.</summary>
    public static string Describe(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);
        var time = local.ToString(local.Minute == 0 ? "%h" : "h:mm", EnGb) + (local.Hour < 12 ? "am" : "pm");
        return $"{Describe(DateOnly.FromDateTime(local))} at {time}";
    }

    public static DateOnly DateOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London));
}

using System.Globalization;

namespace PlacementBroker.Web.Pages;

/// <summary>A date and time of day in England as a form's fields hold them, to and from the UTC moment it is.</summary>
public static class EnglandTime
{
    /// <summary>The England date and 24-hour time of a UTC moment, as the form's fields hold them.</summary>
    public static (DateOnly Date, string Time) LocalParts(DateTime utc)
    {
        var local = UkTime.LocalOf(utc);
        return (DateOnly.FromDateTime(local), local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A date and a time of day in England ("17:00", "5pm", "5:30pm", "17.30") as the UTC moment it is. Null, with a
    /// message, when the time cannot be read.
    /// </summary>
    public static DateTime? ToUtc(DateOnly date, string? time, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(time))
        {
            error = "Enter the time offers are due by, like 5pm or 17:00";
            return null;
        }
        var text = time.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (text is "midday" or "noon")
        {
            text = "12pm";
        }
        var match = System.Text.RegularExpressions.Regex.Match(text, @"^(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?(?<ampm>am|pm)?$");
        if (!match.Success)
        {
            error = "Enter the time as, for example, 5pm or 17:00";
            return null;
        }
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (match.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12)
            {
                error = "Enter a real time, like 5pm or 17:00";
                return null;
            }
            hour = hour % 12 + (match.Groups["ampm"].Value == "pm" ? 12 : 0);
        }
        if (hour > 23 || minute > 59)
        {
            error = "Enter a real time, like 5pm or 17:00";
            return null;
        }
        var local = date.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Unspecified);
        if (UkTime.London.IsInvalidTime(local))
        {
            // The hour the clocks go forward does not exist: the same moment an hour on.
            local = local.AddHours(1);
        }
        return DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(local, UkTime.London), DateTimeKind.Utc);
    }
}

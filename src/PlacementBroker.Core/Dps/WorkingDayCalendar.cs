using System.Text.Json;

namespace PlacementBroker.Core.Dps;

/// <summary>
/// Counts working days for the legal decision clock: weekends and England and Wales bank holidays are excluded.
/// The holidays come from a data file (seed/bank-holidays-england-and-wales.json) that operators keep current.
/// </summary>
public class WorkingDayCalendar(IEnumerable<DateOnly> bankHolidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. bankHolidays];

    /// <summary>How far ahead the bank holidays are known: the last day of the last year the data lists (null when it lists none).</summary>
    public DateOnly? CoveredUntil => _holidays.Count == 0 ? null : new DateOnly(_holidays.Max().Year, 12, 31);

    /// <summary>The data should always reach at least a year ahead, so deadlines counted today are counted right.</summary>
    public bool RunsOutWithinAYear(DateOnly today) => CoveredUntil is not { } until || until < today.AddYears(1);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>The date that is <paramref name="workingDays"/> working days after <paramref name="start"/> (the start day itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var step = workingDays >= 0 ? 1 : -1;
        var remaining = Math.Abs(workingDays);
        var date = start;
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }
        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            return -WorkingDaysBetweenForward(to, from);
        }
        return WorkingDaysBetweenForward(from, to);
    }

    private int WorkingDaysBetweenForward(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }
        return count;
    }

    public static WorkingDayCalendar FromFile(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<BankHolidayFile>(stream, JsonOptions)
            ?? throw new InvalidOperationException($"The bank holiday file {path} is empty.");
        return new WorkingDayCalendar(file.Holidays.Select(h => h.Date));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record BankHolidayFile(string Division, List<BankHoliday> Holidays);

    private sealed record BankHoliday(DateOnly Date, string Title);
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace PlacementBroker.Core.Contracts;

/// <summary>A calendar quarter, written <c>2026-Q3</c> (July to September 2026).</summary>
public readonly partial record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    /// <summary>Working days after the quarter's end by which its KPI return is due.</summary>
    public const int ReturnDueWorkingDays = 20;

    public DateOnly Start => new(Year, (Number - 1) * 3 + 1, 1);
    public DateOnly End => Start.AddMonths(3).AddDays(-1);
    public Quarter Next => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);
    public Quarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    public static Quarter Containing(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is not { Success: true })
        {
            return false;
        }
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return false;
        }
        quarter = new Quarter(year, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        return true;
    }

    public DateOnly ReturnDueBy(WorkingDayCalendar calendar) => calendar.AddWorkingDays(End, ReturnDueWorkingDays);

    /// <summary>"July to September 2026".</summary>
    public string Months => $"{Start:MMMM} to {End:MMMM} {Year}";

    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    public static bool operator <(Quarter a, Quarter b) => a.CompareTo(b) < 0;
    public static bool operator >(Quarter a, Quarter b) => a.CompareTo(b) > 0;
    public static bool operator <=(Quarter a, Quarter b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Quarter a, Quarter b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year}-Q{Number}";

    [GeneratedRegex(@"^(\d{4})-Q([1-4])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace PlacementBroker.Core.Sharing;

/// <summary>
/// The provider summary goes to every provider of the lot, so it must identify no one: before it is saved it is checked
/// for the child's first and last names, case reference and date of birth (as people write dates: 7/3/2012, 07-03-2012,
/// 2012-03-07, 7 March 2012, 7th Mar 2012…). It cannot catch every identifying detail (a sibling's name, a school), which
/// is why the form asks the officer to write in words that identify no one.
/// </summary>
public static class ProviderSummaryCheck
{
    public const int MaxLength = TextLengths.LongText;

    /// <summary>What in the summary identifies the child, as the error shows it; empty when nothing was found.</summary>
    public static IReadOnlyList<string> Identifying(string summary, string? firstName, string? lastName, string? reference, DateOnly? dateOfBirth)
    {
        var found = new List<string>();
        foreach (var name in new[] { firstName, lastName })
        {
            // Names as names are written (capitalised, or in capitals), so "Will" is found but "she will" is not.
            if (name?.Trim() is { Length: >= 2 } n
                && new[] { char.ToUpperInvariant(n[0]) + n[1..], n.ToUpperInvariant() }.Any(form =>
                    Regex.IsMatch(summary, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(form)}(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))))
            {
                found.Add($"the child's name ({n})");
            }
        }
        if (reference?.Trim() is { Length: >= 3 } r && Squash(summary).Contains(Squash(r), StringComparison.OrdinalIgnoreCase))
        {
            found.Add("the case reference");
        }
        if (dateOfBirth is { } dob && DateWritten(summary, dob))
        {
            found.Add("the date of birth");
        }
        return found;
    }

    /// <summary>
    /// The field error for text every provider reads (<paramref name="what"/>: "The provider summary is", "An answer for
    /// every provider is") that identifies the child, or null.
    /// </summary>
    public static string? Error(string? summary, string? firstName, string? lastName, string? reference, DateOnly? dateOfBirth,
        string what = "The provider summary is")
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            return null;
        }
        var found = Identifying(summary, firstName, lastName, reference, dateOfBirth);
        return found.Count == 0 ? null
            : $"{what} sent to every provider: remove {string.Join(" and ", found)}, and write in words that identify no one";
    }

    private static string Squash(string text) => new([.. text.Where(char.IsLetterOrDigit)]);

    private static bool DateWritten(string summary, DateOnly dob)
    {
        // Numeric dates in day-month-year or year-month-day order, with any separator and with or without leading zeros.
        foreach (Match m in Regex.Matches(summary, @"\b(\d{1,4})[\/\.\-\s](\d{1,2})[\/\.\-\s](\d{1,4})\b", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            var (a, b, c) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
            if ((a == dob.Day && b == dob.Month && Year(c) == dob.Year) || (a == dob.Year && b == dob.Month && c == dob.Day))
            {
                return true;
            }
        }
        // Written dates: "7 March 2012", "7th Mar 2012", "March 7, 2012".
        var month = CultureInfo.GetCultureInfo("en-GB").DateTimeFormat;
        var names = $"(?:{Regex.Escape(month.GetMonthName(dob.Month))}|{Regex.Escape(month.GetAbbreviatedMonthName(dob.Month))})";
        var day = $@"0?{dob.Day}(?:st|nd|rd|th)?";
        return Regex.IsMatch(summary, $@"\b{day}\s+(?:of\s+)?{names}\.?,?\s+{dob.Year}\b|\b{names}\.?\s+{day},?\s+{dob.Year}\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static int Year(int written) => written < 100 ? (written > 50 ? 1900 + written : 2000 + written) : written;
}

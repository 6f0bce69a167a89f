using System.Globalization;

namespace PlacementBroker.Core;

/// <summary>
/// One field of a CSV file people open in a spreadsheet (RFC 4180 quoting). Text that a spreadsheet would run as a
/// formula (starting =, +, -, @ or a tab) is given a leading apostrophe, so a provider's name cannot become one;
/// numbers, negative ones too, are left as numbers.
/// </summary>
public static class CsvField
{
    public static string Of(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0]) && !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            text = "'" + text;
        }
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 || text.StartsWith('\'') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}

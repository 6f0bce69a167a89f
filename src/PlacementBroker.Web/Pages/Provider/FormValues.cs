using System.Globalization;

namespace PlacementBroker.Web.Pages.Provider;

/// <summary>
/// Reads numbers as people type them into a form ("1,250.00", "£5,400", " 4 "). Nothing entered is null and no error:
/// whether a value is required is the service's rule. Something that is not a number is an error the page reports.
/// </summary>
public static class FormValues
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static int? WholeNumber(string? text, string message, Dictionary<string, string> errors, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (int.TryParse(text.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, English, out var value))
        {
            return value;
        }
        errors[field] = message;
        return null;
    }

    public static decimal? Money(string? text, string message, Dictionary<string, string> errors, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var cleaned = text.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal).Trim();
        if (decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, English, out var value))
        {
            return value;
        }
        errors[field] = message;
        return null;
    }

    public static double? Coordinate(string? text, string message, Dictionary<string, string> errors, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
        {
            return value;
        }
        errors[field] = message;
        return null;
    }

    public static TEnum? Choice<TEnum>(string? text) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value : null;
}

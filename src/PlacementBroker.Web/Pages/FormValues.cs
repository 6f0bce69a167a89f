namespace PlacementBroker.Web.Pages;

/// <summary>
/// Reads what people type into a form, the same way on every page and whatever the server's culture: whole numbers
/// ("4", "1,250"), money ("£5,200.50", "5200"), numbers ("53.8008"), miles ("20 miles"), GOV.UK dates (day, month,
/// year) and choices (an enum's name, only a defined one). All in en-GB: "," groups thousands, "." is the decimal point.
/// Nothing entered is null and no error: whether a value is required is the service's rule. Something that cannot be
/// read is an error the page reports at its field (the <c>errors</c> overloads), never a 500 and never a made-up value.
/// </summary>
public static class FormValues
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>True when blank (null) or a whole number; false for anything else.</summary>
    public static bool TryWholeNumber(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (int.TryParse(WithoutGrouping(text), NumberStyles.AllowLeadingSign, EnGb, out var parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    /// <summary>True when blank (null) or an amount of pounds ("£5,200.50", "5200", "-10"); false for anything else.</summary>
    public static bool TryMoney(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var cleaned = WithoutGrouping(text.Trim().Replace("£", "", StringComparison.Ordinal));
        if (decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, EnGb, out var parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    /// <summary>True when blank (null) or a finite decimal number ("53.8008", "-1.5491"); false for anything else.</summary>
    public static bool TryNumber(string? text, out double? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, EnGb, out var parsed)
            && double.IsFinite(parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    /// <summary>True when blank (null) or a distance in miles ("20", "12.5 miles", "1,200"); false for anything else.</summary>
    public static bool TryMiles(string? text, out double? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var cleaned = WithoutGrouping(text.Trim().Replace("miles", "", StringComparison.OrdinalIgnoreCase));
        if (double.TryParse(cleaned, NumberStyles.AllowDecimalPoint, EnGb, out var parsed) && double.IsFinite(parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    /// <summary>True when blank (null) or the name of a defined value of <typeparamref name="TEnum"/>; numbers ("2", "99") and unknown names are refused.</summary>
    public static bool TryChoice<TEnum>(string? text, out TEnum? value) where TEnum : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var trimmed = text.Trim();
        if (!int.TryParse(trimmed, NumberStyles.AllowLeadingSign, EnGb, out _)
            && Enum.TryParse<TEnum>(trimmed, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    /// <summary>The defined value named, or null (blank, a number, an unknown name): for filters, where nothing is no filter.</summary>
    public static TEnum? Choice<TEnum>(string? text) where TEnum : struct, Enum => TryChoice<TEnum>(text, out var value) ? value : null;

    /// <summary>An id from a select or a hidden field, or null.</summary>
    public static Guid? Id(string? text) => Guid.TryParse(text, out var id) ? id : null;

    /// <summary>A GOV.UK date input's date, with the Design System's messages ("{what} must be a real date") when it cannot be read.</summary>
    public static bool TryDate(DateInputValue input, string what, out DateOnly? date, out string? error)
    {
        date = input.Read(what, out error);
        return error is null;
    }

    public static int? WholeNumber(string? text, string message, IDictionary<string, string> errors, string field) =>
        Report(TryWholeNumber(text, out var value), value, message, errors, field);

    public static decimal? Money(string? text, string message, IDictionary<string, string> errors, string field) =>
        Report(TryMoney(text, out var value), value, message, errors, field);

    public static double? Number(string? text, string message, IDictionary<string, string> errors, string field) =>
        Report(TryNumber(text, out var value), value, message, errors, field);

    public static double? Miles(string? text, string message, IDictionary<string, string> errors, string field) =>
        Report(TryMiles(text, out var value), value, message, errors, field);

    public static TEnum? Choice<TEnum>(string? text, string message, IDictionary<string, string> errors, string field) where TEnum : struct, Enum =>
        Report(TryChoice<TEnum>(text, out var value), value, message, errors, field);

    public static DateOnly? Date(DateInputValue input, string what, IDictionary<string, string> errors, string field)
    {
        var date = input.Read(what, out var error);
        if (error is not null)
        {
            errors[field] = error;
        }
        return date;
    }

    /// <summary>An amount as a form field shows it again: "5200.5", no symbol, no grouping.</summary>
    public static string MoneyText(decimal? amount) => amount?.ToString("0.##", EnGb) ?? "";

    private static T? Report<T>(bool read, T? value, string message, IDictionary<string, string> errors, string field) where T : struct
    {
        if (!read)
        {
            errors[field] = message;
        }
        return value;
    }

    private static string WithoutGrouping(string text) => text.Trim().Replace(",", "", StringComparison.Ordinal).Trim();
}

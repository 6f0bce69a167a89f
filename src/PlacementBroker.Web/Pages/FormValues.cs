namespace PlacementBroker.Web.Pages;

/// <summary>
/// Reads what people type into a form, the same way on every page and whatever the server's culture: whole numbers
/// ("4", "1,250"), money ("£5,200.50", "5200"), numbers ("53.8008"), miles ("20 miles"), GOV.UK dates (day, month,
/// year) and choices (an enum's name, only a defined one). All in en-GB: "," groups thousands (before the point only), "." is
/// the decimal point.
/// Nothing entered is null and no error: whether a value is required is the service's rule. Something that cannot be
/// read is an error the page reports at its field (the <c>errors</c> overloads), never a 500 and never a made-up value.
/// </summary>
public static class FormValues
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private delegate bool Parse<T>(string text, out T value);

    private const NumberStyles Amount = NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands;

    /// <summary>True when blank (null) or a whole number ("4", "1,250", "-3"); false for anything else.</summary>
    public static bool TryWholeNumber(string? text, out int? value) =>
        TryRead(text, out value, (string t, out int v) => int.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, EnGb, out v));

    /// <summary>True when blank (null) or an amount of pounds ("£5,200.50", "5200", "-10"); false for anything else.</summary>
    public static bool TryMoney(string? text, out decimal? value) =>
        TryRead(text, out value, (string t, out decimal v) =>
            decimal.TryParse(t.Replace("£", "", StringComparison.Ordinal).Trim(), Amount | NumberStyles.AllowLeadingSign, EnGb, out v));

    /// <summary>True when blank (null) or a finite decimal number ("53.8008", "-1.5491"); false for anything else.</summary>
    public static bool TryNumber(string? text, out double? value) =>
        TryRead(text, out value, (string t, out double v) =>
            double.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, EnGb, out v) && double.IsFinite(v));

    /// <summary>True when blank (null) or a distance in miles ("20", "12.5 miles", "1,200"); false for anything else.</summary>
    public static bool TryMiles(string? text, out double? value) =>
        TryRead(text, out value, (string t, out double v) =>
            double.TryParse(t.Replace("miles", "", StringComparison.OrdinalIgnoreCase).Trim(), Amount, EnGb, out v) && double.IsFinite(v));

    /// <summary>True when blank (null) or the name of a defined value of <typeparamref name="TEnum"/>; numbers ("2", "99"), lists and unknown names are refused.</summary>
    public static bool TryChoice<TEnum>(string? text, out TEnum? value) where TEnum : struct, Enum =>
        // Enum.TryParse also takes numbers ("99" is a value no one defined) and lists ("A,B" is a flag combination).
        TryRead(text, out value, (string t, out TEnum v) =>
        {
            v = default;
            return !int.TryParse(t, NumberStyles.AllowLeadingSign, EnGb, out _) && !t.Contains(',', StringComparison.Ordinal)
                && Enum.TryParse(t, ignoreCase: false, out v) && Enum.IsDefined(v);
        });

    /// <summary>The defined value named, or null (blank, a number, an unknown name): for filters, where nothing is no filter.</summary>
    public static TEnum? Choice<TEnum>(string? text) where TEnum : struct, Enum => TryChoice<TEnum>(text, out var value) ? value : null;

    /// <summary>An id from a select or a hidden field, or null.</summary>
    public static Guid? Id(string? text) => Guid.TryParse(text, out var id) ? id : null;

    /// <summary>
    /// A GOV.UK date input's date, with the Design System's messages ("{what} must be a real date") when it cannot be read;
    /// a date input the form did not post (null) is blank.
    /// </summary>
    public static bool TryDate(DateInputValue? input, string what, out DateOnly? date, out string? error)
    {
        error = null;
        date = input?.Read(what, out error);
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

    public static DateOnly? Date(DateInputValue? input, string what, IDictionary<string, string> errors, string field) =>
        Report(TryDate(input, what, out var date, out var error), date, error ?? "", errors, field);

    /// <summary>An amount as a form field shows it again: "5200.5", no symbol, no grouping.</summary>
    public static string MoneyText(decimal? amount) => amount?.ToString("0.##", EnGb) ?? "";

    /// <summary>Blank is no value and no error; otherwise the trimmed text is parsed, and anything it refuses is no value and an error.</summary>
    private static bool TryRead<T>(string? text, out T? value, Parse<T> parse) where T : struct
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (parse(text.Trim(), out var parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    private static T? Report<T>(bool read, T? value, string message, IDictionary<string, string> errors, string field) where T : struct
    {
        if (!read)
        {
            errors[field] = message;
        }
        return value;
    }
}

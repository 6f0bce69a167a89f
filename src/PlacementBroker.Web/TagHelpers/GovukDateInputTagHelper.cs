using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PlacementBroker.Web.TagHelpers;

/// <summary>What a GOV.UK date input posts: day, month and year as typed.</summary>
public sealed class DateInputValue
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateInputValue From(DateOnly? date) => date is { } d
        ? new DateInputValue { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateInputValue();

    /// <summary>
    /// Reads the date, with the GOV.UK Design System's messages when it cannot: "{what} must include a month",
    /// "{what} must be a real date". Nothing entered is no date and no error: whether it is required is the service's rule.
    /// </summary>
    public DateOnly? Read(string what, out string? error)
    {
        error = null;
        if (IsEmpty)
        {
            return null;
        }
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Day))
        {
            missing.Add("a day");
        }
        if (string.IsNullOrWhiteSpace(Month))
        {
            missing.Add("a month");
        }
        if (string.IsNullOrWhiteSpace(Year))
        {
            missing.Add("a year");
        }
        if (missing.Count > 0)
        {
            error = $"{what} must include {string.Join(" and ", missing)}";
            return null;
        }
        if (!int.TryParse(Day!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !TryMonth(Month!.Trim(), out var month)
            || !int.TryParse(Year!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            error = $"{what} must be a real date";
            return null;
        }
        if (Year.Trim().Length != 4)
        {
            error = "Year must include 4 numbers";
            return null;
        }
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"{what} must be a real date";
            return null;
        }
        return new DateOnly(year, month, day);
    }

    // People type "3", "03", "Mar" or "March".
    private static bool TryMonth(string value, out int month)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out month))
        {
            return true;
        }
        var names = CultureInfo.GetCultureInfo("en-GB").DateTimeFormat;
        for (var i = 1; i <= 12; i++)
        {
            if (string.Equals(value, names.GetMonthName(i), StringComparison.OrdinalIgnoreCase)
                || string.Equals(value, names.GetAbbreviatedMonthName(i), StringComparison.OrdinalIgnoreCase))
            {
                month = i;
                return true;
            }
        }
        month = 0;
        return false;
    }
}

/// <summary>
/// The GOV.UK date input: day, month and year in a fieldset whose legend is the label.
/// &lt;govuk-date-input for="Input.AvailableFrom" label="Available from" hint="For example, 27 3 2027" /&gt;
/// The day input carries the field's id, so the error summary's link lands on it.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public class GovukDateInputTagHelper : GovukFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var value = For.Model as DateInputValue ?? new DateInputValue();
        var legend = $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Encode(Label ?? For.Metadata.DisplayName ?? For.Name)}</legend>";
        var hint = string.IsNullOrEmpty(Hint) ? "" : $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{Encode(Hint)}</div>";
        var error = Error is null ? "" : $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encode(Error)}</p>";
        var inputs = Item("Day", value.Day, 2, Id) + Item("Month", value.Month, 2, $"{Id}_Month") + Item("Year", value.Year, 4, $"{Id}_Year");
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(
            $"<fieldset class=\"govuk-fieldset\" role=\"group\"{Describedby()}>{legend}{hint}{error}"
            + $"<div class=\"govuk-date-input\" id=\"{Id}-date\">{inputs}</div></fieldset>");
    }

    private string Item(string part, string? value, int width, string id) =>
        "<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">"
        + $"<label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{part}</label>"
        + $"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{(Error is null ? "" : " govuk-input--error")}\" id=\"{id}\" name=\"{Name}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{Encode(value)}\">"
        + "</div></div>";
}

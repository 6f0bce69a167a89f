using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PlacementBroker.Web.TagHelpers;

/// <summary>&lt;govuk-textarea for="Input.Reason" label="Reason" rows="5" /&gt;</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public class GovukTextareaTagHelper : GovukFieldTagHelper
{
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var textarea = $"<textarea class=\"govuk-textarea{(Error is null ? "" : " govuk-textarea--error")}\" id=\"{Id}\" name=\"{Name}\" rows=\"{Rows}\"{Describedby()}>{Encode(Value)}</textarea>";
        WrapInFormGroup(output, Preamble() + textarea);
    }
}

/// <summary>
/// GOV.UK radios (one choice) or checkboxes (several) in a fieldset whose legend is the label.
/// &lt;govuk-radios for="Input.Decision" label="Decision" items="Model.Decisions" inline="true" /&gt;
/// A question that only one choice needs is revealed under that choice (GOV.UK's conditional reveal): name the choice
/// in <c>reveal-value</c> and put the question inside the element:
/// &lt;govuk-radios for="Reason" items="..." reveal-value="Other"&gt;&lt;govuk-textarea for="Detail" ... /&gt;&lt;/govuk-radios&gt;
/// </summary>
public abstract class GovukChoicesTagHelper : GovukFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];
    public bool Inline { get; set; }
    /// <summary>Render the legend as the page's heading (one question per page).</summary>
    [HtmlAttributeName("legend-is-heading")]
    public bool LegendIsHeading { get; set; }

    /// <summary>
    /// The choice whose question (the element's content) is revealed under it. Shown and hidden by the style sheet
    /// (app-conditional), not GOV.UK's script, whose aria-expanded on a radio axe refuses; always shown without :has().
    /// </summary>
    [HtmlAttributeName("reveal-value")]
    public string? RevealValue { get; set; }

    protected abstract string Kind { get; }
    protected abstract bool IsSelected(SelectListItem item);

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var revealed = RevealValue is null ? "" : (await output.GetChildContentAsync()).GetContent();
        var legendText = Encode(Label ?? For.Metadata.DisplayName ?? For.Name);
        var legend = LegendIsHeading
            ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{legendText}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{legendText}</legend>";
        var hint = string.IsNullOrEmpty(Hint) ? "" : $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{Encode(Hint)}</div>";
        var error = Error is null ? "" : $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encode(Error)}</p>";
        var items = string.Concat(Items.Select((item, i) =>
        {
            // The first input carries the field's id, so the error summary's link lands on it.
            var inputId = i == 0 ? Id : $"{Id}-{i}";
            var hintHtml = item.Group?.Name is { } itemHint ? $"<div id=\"{inputId}-item-hint\" class=\"govuk-hint govuk-{Kind}__hint\">{Encode(itemHint)}</div>" : "";
            var reveals = RevealValue is not null && item.Value == RevealValue;
            var conditional = reveals
                ? $"<div class=\"govuk-{Kind}__conditional app-conditional\" id=\"conditional-{inputId}\">{revealed}</div>"
                : "";
            return $"<div class=\"govuk-{Kind}__item\"><input class=\"govuk-{Kind}__input\" id=\"{inputId}\" name=\"{Name}\" type=\"{(Kind == "radios" ? "radio" : "checkbox")}\" value=\"{Encode(item.Value)}\"{(IsSelected(item) ? " checked" : "")}{(item.Disabled ? " disabled" : "")}{(hintHtml.Length > 0 ? $" aria-describedby=\"{inputId}-item-hint\"" : "")}>"
                + $"<label class=\"govuk-label govuk-{Kind}__label\" for=\"{inputId}\">{Encode(item.Text)}</label>{hintHtml}</div>{conditional}";
        }));
        var describedBy = Describedby();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(
            $"<fieldset class=\"govuk-fieldset\"{describedBy}>{legend}{hint}{error}"
            + $"<div class=\"govuk-{Kind}{(Inline ? $" govuk-{Kind}--inline" : "")}\" data-module=\"govuk-{Kind}\">{items}</div></fieldset>");
    }
}

[HtmlTargetElement("govuk-radios")]
public class GovukRadiosTagHelper : GovukChoicesTagHelper
{
    protected override string Kind => "radios";

    protected override bool IsSelected(SelectListItem item) => item.Selected || (Value is { } v && v == item.Value);
}

/// <summary>Checkboxes bound to a list: an item is ticked when the list holds its value (or it is marked selected).</summary>
[HtmlTargetElement("govuk-checkboxes")]
public class GovukCheckboxesTagHelper : GovukChoicesTagHelper
{
    protected override string Kind => "checkboxes";

    protected override bool IsSelected(SelectListItem item)
    {
        if (item.Selected)
        {
            return true;
        }
        if (ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string[] raw => raw.Contains(item.Value),
                string value => value == item.Value,
                _ => false,
            };
        }
        return For.Model is System.Collections.IEnumerable values && values.Cast<object?>().Any(v => v?.ToString() == item.Value);
    }
}

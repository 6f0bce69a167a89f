using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PlacementBroker.Web.TagHelpers;

/// <summary>Shared plumbing: the field's id, name, value and error message from the model expression.</summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public required ModelExpression For { get; set; }

    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("label-class")]
    public string LabelClass { get; set; } = "govuk-label";

    [HtmlAttributeNotBound]
    [ViewContext]
    public required ViewContext ViewContext { get; set; }

    protected string Name => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
    protected string Id => TagBuilder.CreateSanitizedId(Name, "_");

    protected string? Error =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.ValidationState == ModelValidationState.Invalid
            ? entry.Errors.FirstOrDefault()?.ErrorMessage
            : null;

    protected string? Value =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : For.Model?.ToString();

    protected static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    protected string Describedby()
    {
        var ids = new List<string>();
        if (!string.IsNullOrEmpty(Hint))
        {
            ids.Add($"{Id}-hint");
        }
        if (Error is not null)
        {
            ids.Add($"{Id}-error");
        }
        return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }

    protected string Preamble() =>
        $"<label class=\"{LabelClass}\" for=\"{Id}\">{Encode(Label ?? For.Metadata.DisplayName ?? For.Name)}</label>"
        + (string.IsNullOrEmpty(Hint) ? "" : $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{Encode(Hint)}</div>")
        + (Error is null ? "" : $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encode(Error)}</p>");

    protected void WrapInFormGroup(TagHelperOutput output, string inner)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(inner);
    }
}

/// <summary>&lt;govuk-input for="Input.Email" label="Email address" type="email" autocomplete="email" /&gt;</summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public class GovukInputTagHelper : GovukFieldTagHelper
{
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    [HtmlAttributeName("input-class")]
    public string? InputClass { get; set; }
    public bool Spellcheck { get; set; } = true;
    /// <summary>"numeric" or "decimal": the keyboard mobile browsers show.</summary>
    public string? Inputmode { get; set; }
    /// <summary>Text shown before the input, such as "£".</summary>
    public string? Prefix { get; set; }
    /// <summary>Text shown after the input, such as "years".</summary>
    public string? Suffix { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var classes = "govuk-input" + (InputClass is null ? "" : " " + InputClass) + (Error is null ? "" : " govuk-input--error");
        var value = Type == "password" ? "" : Value;
        var input = $"<input class=\"{classes}\" id=\"{Id}\" name=\"{Name}\" type=\"{Type}\" value=\"{Encode(value)}\""
            + (Autocomplete is null ? "" : $" autocomplete=\"{Autocomplete}\"")
            + (Inputmode is null ? "" : $" inputmode=\"{Encode(Inputmode)}\"")
            + (Spellcheck ? "" : " spellcheck=\"false\"")
            + Describedby() + ">";
        if (Prefix is not null || Suffix is not null)
        {
            input = "<div class=\"govuk-input__wrapper\">"
                + (Prefix is null ? "" : $"<div class=\"govuk-input__prefix\" aria-hidden=\"true\">{Encode(Prefix)}</div>")
                + input
                + (Suffix is null ? "" : $"<div class=\"govuk-input__suffix\" aria-hidden=\"true\">{Encode(Suffix)}</div>")
                + "</div>";
        }
        WrapInFormGroup(output, Preamble() + input);
    }
}

/// <summary>&lt;govuk-select for="Input.Role" label="Role" items="Model.Roles" /&gt;</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public class GovukSelectTagHelper : GovukFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var current = Value;
        var options = string.Concat(Items.Select(i =>
            $"<option value=\"{Encode(i.Value)}\"{(i.Value == current ? " selected" : "")}>{Encode(i.Text)}</option>"));
        var select = $"<select class=\"govuk-select{(Error is null ? "" : " govuk-select--error")}\" id=\"{Id}\" name=\"{Name}\"{Describedby()}>{options}</select>";
        WrapInFormGroup(output, Preamble() + select);
    }
}

/// <summary>The GOV.UK error summary, listing every invalid field with a link to it. Renders nothing when the form is valid.</summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public class GovukErrorSummaryTagHelper : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public required ViewContext ViewContext { get; set; }

    /// <summary>
    /// The form's field names in the order they appear, so the summary lists the problems top to bottom
    /// (model state keeps its own order). Errors for no field come first; fields not named here come last.
    /// </summary>
    [HtmlAttributeName("field-order")]
    public IEnumerable<string>? FieldOrder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // Without field-order, the page's own (PlacementBrokerPageModel.FieldOrder: its bound properties in declared order).
        var order = (FieldOrder ?? (ViewContext.ViewData.Model as Pages.PlacementBrokerPageModel)?.FieldOrder)?.ToList() ?? [];
        var errors = ViewContext.ViewData.ModelState
            .Where(e => e.Value?.ValidationState == ModelValidationState.Invalid)
            .SelectMany(e => e.Value!.Errors.Take(e.Key.Length == 0 ? int.MaxValue : 1).Select(error => (Key: e.Key, error.ErrorMessage)))
            .OrderBy(e => e.Key.Length == 0 ? -1 : order.IndexOf(e.Key) is var i and >= 0 ? i : int.MaxValue)
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        var items = string.Concat(errors.Select(e =>
        {
            var message = HtmlEncoder.Default.Encode(e.ErrorMessage);
            return e.Key.Length == 0
                ? $"<li>{message}</li>"
                : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(e.Key, "_")}\">{message}</a></li>";
        }));
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(
            "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>"
            + $"<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div>");
    }
}

using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PlacementBroker.Web.Tests.Pages;

/// <summary>
/// A page as a person reads it: parsed HTML whose parts are found by role, label, heading or <c>data-testid</c>, and read
/// as visible text. Tests assert on what a found element says, not on substrings of markup.
/// </summary>
public sealed partial class PageDocument
{
    private static readonly HtmlParser Parser = new();

    private PageDocument(string html)
    {
        Html = System.Net.WebUtility.HtmlDecode(html);
        Document = Parser.ParseDocument(html);
    }

    public static PageDocument Parse(string html) => new(html);

    /// <summary>
    /// The page's source with character references decoded ("£", not "&amp;#xA3;"), for the few checks that are about
    /// markup itself (a form's encoding, a script's address, a table row read with a pattern).
    /// </summary>
    public string Html { get; }

    public IHtmlDocument Document { get; }

    /// <summary>The page's main region (<c>&lt;main&gt;</c>), or the body when it has none.</summary>
    public IElement Main => Document.QuerySelector("main") ?? Document.Body!;

    /// <summary>What the main region says, whitespace collapsed (visually hidden text included, as a screen reader reads it).</summary>
    public string Text => VisibleText(Main);

    /// <summary>The whole page's visible words (header and navigation too), whitespace collapsed.</summary>
    public string PageText => Document.Body is { } body ? VisibleText(body) : "";

    /// <summary>
    /// The words inside an element as they read on screen: its text pieces, each element's apart from the next
    /// (<c>&lt;dt&gt;Name&lt;/dt&gt;&lt;dd&gt;Ann&lt;/dd&gt;</c> reads "Name Ann"), scripts and styles left out.
    /// </summary>
    public static string VisibleText(INode node) =>
        Normalise(string.Join(" ", node.GetDescendants().OfType<IText>()
            .Where(t => t.ParentElement?.LocalName is not ("script" or "style" or "template"))
            .Select(t => t.Data)));

    /// <summary>The browser tab's title.</summary>
    public string Title => Normalise(Document.Title ?? "");

    /// <summary>The page's heading: the text of its first <c>h1</c>.</summary>
    public string Heading() => Normalise((Document.QuerySelector("h1") ?? throw new InvalidOperationException("The page has no h1")).TextContent);

    /// <summary>Every heading's text (h1 to h3), top to bottom.</summary>
    public IReadOnlyList<string> Headings() => [.. Document.QuerySelectorAll("h1, h2, h3").Select(h => Normalise(h.TextContent))];

    /// <summary>The element marked <c>data-testid="id"</c>; fails when there is none.</summary>
    public IElement ByTestId(string id) =>
        Document.QuerySelector($"[data-testid='{id}']") ?? throw new InvalidOperationException($"No element has data-testid=\"{id}\"");

    public IElement? FindByTestId(string id) => Document.QuerySelector($"[data-testid='{id}']");

    public IReadOnlyList<IElement> AllByTestId(string id) => [.. Document.QuerySelectorAll($"[data-testid='{id}']")];

    /// <summary>
    /// The form control a label names (its text, whitespace collapsed, hints aside), or the fieldset whose legend says it:
    /// what a screen reader announces for the control.
    /// </summary>
    public IElement ByLabel(string text) => FindByLabel(text) ?? throw new InvalidOperationException($"No control is labelled \"{text}\"");

    public IElement? FindByLabel(string text)
    {
        foreach (var label in Document.QuerySelectorAll("label"))
        {
            if (Normalise(label.TextContent) == text && label.GetAttribute("for") is { } id && Document.GetElementById(id) is { } control)
            {
                return control;
            }
        }
        return Document.QuerySelectorAll("fieldset").FirstOrDefault(f => f.QuerySelector("legend") is { } legend && Normalise(legend.TextContent) == text);
    }

    /// <summary>
    /// Elements with the ARIA role, explicit or implied by the tag (link, button, heading, table, row, navigation,
    /// textbox, combobox, checkbox, radio, status, alert, region), optionally only those whose accessible name is
    /// <paramref name="name"/>.
    /// </summary>
    public IReadOnlyList<IElement> AllByRole(string role, string? name = null, IElement? within = null)
    {
        var scope = (IParentNode?)within ?? Document;
        var found = scope.QuerySelectorAll($"[role='{role}']").Concat(ImplicitRole(role) is { } selector ? scope.QuerySelectorAll(selector) : []).Distinct();
        return [.. found.Where(e => name is null || AccessibleName(e) == name)];
    }

    public IElement ByRole(string role, string? name = null, IElement? within = null) =>
        AllByRole(role, name, within).FirstOrDefault() ?? throw new InvalidOperationException($"No {role} named \"{name}\"");

    public IElement? FindByRole(string role, string? name = null, IElement? within = null) => AllByRole(role, name, within).FirstOrDefault();

    /// <summary>The link whose accessible name is <paramref name="name"/>; fails when there is none.</summary>
    public IElement Link(string name) => ByRole("link", name);

    /// <summary>Where the link named <paramref name="name"/> goes, or null when the page has no such link.</summary>
    public string? LinkHref(string name) => FindByRole("link", name)?.GetAttribute("href");

    /// <summary>Every link's accessible name and destination.</summary>
    public IReadOnlyList<(string Name, string Href)> Links(IElement? within = null) =>
        [.. AllByRole("link", within: within).Select(a => (AccessibleName(a), a.GetAttribute("href") ?? ""))];

    /// <summary>Every address the page points at: links, form actions, buttons' form actions, scripts and images.</summary>
    public IReadOnlyList<string> Addresses() =>
        [.. Document.QuerySelectorAll("[href], [action], [formaction], [src]")
            .SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("action"), e.GetAttribute("formaction"), e.GetAttribute("src") })
            .OfType<string>()];

    /// <summary>
    /// What the first group of <paramref name="pattern"/> captures from the first address on the page it matches (the id in
    /// <c>/qa/flags/{id}/resolve</c>, say), or "" when no address matches.
    /// </summary>
    public string FromAddress(string pattern) =>
        Addresses().Select(a => Regex.Match(a, pattern)).FirstOrDefault(m => m.Success)?.Groups[1].Value ?? "";

    /// <summary>Whether any address on the page (link, form, script) contains <paramref name="part"/>.</summary>
    public bool PointsAt(string part) => Addresses().Any(a => a.Contains(part, StringComparison.Ordinal));

    /// <summary>The elements a CSS selector finds (for the page's own <c>app-</c> classes and <c>data-</c> hooks).</summary>
    public IReadOnlyList<IElement> All(string selector) => [.. Document.QuerySelectorAll(selector)];

    /// <summary>The text of the first element a CSS selector finds (e.g. <c>[data-measure=referrals]</c>); fails when none.</summary>
    public string TextOf(string selector) =>
        Document.QuerySelector(selector) is { } element ? VisibleText(element) : throw new InvalidOperationException($"Nothing matches {selector}");

    /// <summary>Whether the form control named <paramref name="name"/> with the value is checked (radios, checkboxes) or selected (options).</summary>
    public bool IsChosen(string name, string value) =>
        Document.QuerySelectorAll($"[name='{name}'][value='{value}'], [name='{name}'] option[value='{value}']")
            .Any(e => e.HasAttribute("checked") || e.HasAttribute("selected"));

    /// <summary>Whether any control or option on the page has the value, checked or selected.</summary>
    public bool IsChosen(string value) =>
        Document.QuerySelectorAll($"[value='{value}']").Any(e => e.HasAttribute("checked") || e.HasAttribute("selected"));

    /// <summary>Whether the page has a link to <paramref name="href"/> whose name starts with <paramref name="name"/>.</summary>
    public bool HasLink(string href, string name) =>
        AllByRole("link").Any(a => a.GetAttribute("href") == href && AccessibleName(a).StartsWith(name, StringComparison.Ordinal));

    /// <summary>Whether the page has a link to <paramref name="href"/> (whatever it says).</summary>
    public bool HasLinkTo(string href) => AllByRole("link").Any(a => a.GetAttribute("href") == href);

    /// <summary>The GOV.UK error summary's items, top to bottom: what each says and the id of the field it links to.</summary>
    public IReadOnlyList<(string Text, string Field)> ErrorSummary() =>
        [.. Document.QuerySelectorAll(".govuk-error-summary__list li").Select(li =>
            (Normalise(li.TextContent), (li.QuerySelector("a")?.GetAttribute("href") ?? "").TrimStart('#')))];

    /// <summary>The ids of the fields the error summary links to, top to bottom (empty when there is no summary).</summary>
    public IReadOnlyList<string> ErrorFields() => [.. ErrorSummary().Select(e => e.Field)];

    /// <summary>The texts of the error summary's items, top to bottom.</summary>
    public IReadOnlyList<string> Errors() => [.. ErrorSummary().Select(e => e.Text)];

    /// <summary>Whether the page shows the GOV.UK error summary ("There is a problem").</summary>
    public bool HasErrorSummary => Document.QuerySelector(".govuk-error-summary") is not null;

    /// <summary>The error message shown at a field (without the visually hidden "Error:"), or null.</summary>
    public string? FieldError(string fieldId)
    {
        var control = Document.GetElementById(fieldId);
        var group = control?.Closest(".govuk-form-group");
        var message = group?.QuerySelector(".govuk-error-message");
        if (message is null)
        {
            return null;
        }
        var hidden = message.QuerySelector(".govuk-visually-hidden")?.TextContent ?? "";
        return Normalise(message.TextContent.Replace(hidden, ""));
    }

    /// <summary>The success banner's text (GOV.UK notification banner, success variant), or null when there is none.</summary>
    public string? SuccessBanner() => Document.QuerySelector(".govuk-notification-banner--success") is { } banner ? Normalise(banner.TextContent) : null;

    /// <summary>The important-information banner's text (GOV.UK notification banner, not the success variant), or null.</summary>
    public string? ImportantBanner() =>
        Document.QuerySelector(".govuk-notification-banner:not(.govuk-notification-banner--success)") is { } banner ? Normalise(banner.TextContent) : null;

    /// <summary>
    /// A GOV.UK summary list as key → value (the values' visible text; change links' hidden words included). The first
    /// list on the page, or the first inside <paramref name="within"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> SummaryList(IElement? within = null)
    {
        var list = ((IParentNode?)within ?? Document).QuerySelector(".govuk-summary-list") ?? throw new InvalidOperationException("No summary list");
        return SummaryListOf(list);
    }

    /// <summary>Every summary list row on the page as key → value (later lists' rows win on a clash).</summary>
    public IReadOnlyDictionary<string, string> SummaryLists()
    {
        var all = new Dictionary<string, string>();
        foreach (var list in Document.QuerySelectorAll(".govuk-summary-list"))
        {
            foreach (var (key, value) in SummaryListOf(list))
            {
                all[key] = value;
            }
        }
        return all;
    }

    private static Dictionary<string, string> SummaryListOf(IElement list)
    {
        var rows = new Dictionary<string, string>();
        foreach (var row in list.QuerySelectorAll(".govuk-summary-list__row"))
        {
            var key = row.QuerySelector(".govuk-summary-list__key");
            var value = row.QuerySelector(".govuk-summary-list__value");
            if (key is not null)
            {
                rows[Normalise(key.TextContent)] = value is null ? "" : Normalise(value.TextContent);
            }
        }
        return rows;
    }

    /// <summary>
    /// A table's body rows as column header → cell text. The table whose caption starts with <paramref name="caption"/>,
    /// or the first table.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Table(string? caption = null) => TableOf(TableElement(caption));

    /// <summary>The table element whose caption starts with <paramref name="caption"/>, or the first table.</summary>
    public IElement TableElement(string? caption = null)
    {
        var tables = Document.QuerySelectorAll("table");
        var table = caption is null
            ? tables.FirstOrDefault()
            : tables.FirstOrDefault(t => t.QuerySelector("caption") is { } c && Normalise(c.TextContent).StartsWith(caption, StringComparison.Ordinal));
        return table ?? throw new InvalidOperationException(caption is null ? "The page has no table" : $"No table is captioned \"{caption}\"");
    }

    /// <summary>
    /// The cells (header cell first) of the first table row whose first cell's text starts with <paramref name="first"/>,
    /// as text; fails when no row starts so.
    /// </summary>
    public IReadOnlyList<string> Row(string first) =>
        Rows(first).FirstOrDefault() ?? throw new InvalidOperationException($"No table row starts with \"{first}\"");

    /// <summary>Every table row (in any table) whose first cell's text starts with <paramref name="first"/>, as cell texts.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows(string first) =>
        [.. Document.QuerySelectorAll("tr").Select(r => (IReadOnlyList<string>)[.. r.Children.Where(c => c.LocalName is "td" or "th").Select(c => VisibleText(c))])
            .Where(cells => cells.Count > 0 && cells[0].StartsWith(first, StringComparison.Ordinal))];

    /// <summary>The rows of a table, as column header → cell text.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> TableOf(IElement table)
    {
        var headers = table.QuerySelectorAll("thead th").Select(h => Normalise(h.TextContent)).ToList();
        var body = table.QuerySelectorAll("tbody tr");
        return [.. body.Select(row =>
        {
            var cells = row.Children.Where(c => c.LocalName is "td" or "th").ToList();
            var values = new Dictionary<string, string>();
            for (var i = 0; i < cells.Count; i++)
            {
                values[i < headers.Count && headers[i] != "" ? headers[i] : $"#{i}"] = Normalise(cells[i].TextContent);
            }
            return (IReadOnlyDictionary<string, string>)values;
        })];
    }

    /// <summary>The texts of the GOV.UK tags (status labels), top to bottom, optionally only inside <paramref name="within"/>.</summary>
    public IReadOnlyList<string> Tags(IElement? within = null) =>
        [.. ((IParentNode?)within ?? Document).QuerySelectorAll(".govuk-tag").Select(t => Normalise(t.TextContent))];

    /// <summary>The value a text box or text area (found by its label) shows.</summary>
    public string? ValueOf(string label) => ByLabel(label) switch
    {
        IHtmlTextAreaElement area => area.Value,
        IHtmlSelectElement select => select.SelectedOptions.FirstOrDefault()?.Value,
        var control => control.GetAttribute("value"),
    };

    /// <summary>The option a drop-down (found by its label) has selected: its visible text.</summary>
    public string? SelectedOption(string label) =>
        ByLabel(label) is IHtmlSelectElement select && select.SelectedOptions.FirstOrDefault() is { } option ? Normalise(option.TextContent) : null;

    /// <summary>The value of a hidden form field, found by its name.</summary>
    public string HiddenValue(string name) =>
        Document.QuerySelector($"input[type=hidden][name='{name}']")?.GetAttribute("value") ?? throw new InvalidOperationException($"No hidden field {name}");

    /// <summary>The form whose action is <paramref name="action"/> (or the page's only form with a submit button when null).</summary>
    public IHtmlFormElement Form(string? action = null) =>
        Document.Forms.FirstOrDefault(f => action is null ? f.QuerySelector("button, input[type=submit]") is not null : f.GetAttribute("action") == action)
        ?? throw new InvalidOperationException($"No form posts to {action ?? "(any)"}");

    /// <summary>The accessible name of an element: aria-label, else the text of aria-labelledby, else its text (whitespace collapsed).</summary>
    public string AccessibleName(IElement element)
    {
        if (element.GetAttribute("aria-label") is { Length: > 0 } label)
        {
            return Normalise(label);
        }
        if (element.GetAttribute("aria-labelledby") is { Length: > 0 } ids)
        {
            return Normalise(string.Join(" ", ids.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => Document.GetElementById(id)?.TextContent ?? "")));
        }
        if (element is IHtmlInputElement input && input.Type is "submit" or "button")
        {
            return Normalise(input.Value);
        }
        return Normalise(element.TextContent);
    }

    public static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();

    private static string? ImplicitRole(string role) => role switch
    {
        "link" => "a[href]",
        "button" => "button, input[type=submit], input[type=button], a[role=button]",
        "heading" => "h1, h2, h3, h4, h5, h6",
        "table" => "table",
        "row" => "tr",
        "navigation" => "nav",
        "textbox" => "input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=search], textarea",
        "combobox" => "select",
        "checkbox" => "input[type=checkbox]",
        "radio" => "input[type=radio]",
        "list" => "ul, ol",
        "listitem" => "li",
        "main" => "main",
        "form" => "form",
        _ => null,
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

public static class PageDocumentExtensions
{
    /// <summary>Loads the page and parses it (asserting the status, 200 by default).</summary>
    public static async Task<PageDocument> OpenAsync(this PageSession session, string path, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK) =>
        PageDocument.Parse(await session.GetPageAsync(path, expected));

    /// <summary>Posts the form, follows the redirect it answers with, and parses the page it leads to.</summary>
    public static async Task<PageDocument> PostFormAndOpenAsync(this PageSession session, string path, Dictionary<string, string> fields, string? action = null) =>
        PageDocument.Parse(await session.PostFormAndFollowAsync(path, fields, action));

    /// <summary>Parses the page a response carries (a form shown again with its errors, say).</summary>
    public static async Task<PageDocument> PageAsync(this HttpResponseMessage response) =>
        PageDocument.Parse(await response.Content.ReadAsStringAsync());
}

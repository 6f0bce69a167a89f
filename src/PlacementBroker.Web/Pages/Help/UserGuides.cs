using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PlacementBroker.Web.Pages.Help;

/// <summary>One user guide, rendered: its title (the guide's first heading) and its body in GOV.UK markup.</summary>
public sealed record UserGuide(string Key, string Title, string Html);

/// <summary>
/// The user guides of docs/guides (copied beside the application as guides/*.md by the build), rendered with GOV.UK
/// classes. A link to another guide opens it here; a link to the technical documents keeps only its words. Raw HTML in
/// a guide is shown as text, never run.
/// </summary>
public static partial class UserGuides
{
    /// <summary>Each role's guide, by the file's name (without .md), in the order the guide list shows them.</summary>
    public static readonly IReadOnlyList<(string Key, Role Role)> ByRole =
    [
        ("placing-officer", Role.PlacingOfficer),
        ("placement-manager", Role.PlacementManager),
        ("commissioner", Role.Commissioner),
        ("qa-officer", Role.QaOfficer),
        ("provider", Role.ProviderUser),
        ("data-protection-lead", Role.DataProtectionLead),
        ("platform-admin", Role.PlatformAdmin),
    ];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();
    private static readonly ConcurrentDictionary<string, UserGuide?> Rendered = new();

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "guides");

    public static string? KeyFor(Role? role) => ByRole.Where(g => g.Role == role).Select(g => g.Key).FirstOrDefault();

    /// <summary>The guide named <paramref name="key"/>, or null when there is no such guide; <paramref name="guideHref"/> is another guide's address.</summary>
    public static UserGuide? Find(string key, Func<string, string> guideHref) => ByRole.Any(g => g.Key == key)
        ? Rendered.GetOrAdd(key, k => File.Exists(Path.Combine(Folder, k + ".md")) ? Render(k, File.ReadAllText(Path.Combine(Folder, k + ".md")), guideHref) : null)
        : null;

    public static UserGuide Render(string key, string markdown, Func<string, string> guideHref)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var title = document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1) is { } h1 ? Text(h1.Inline) : key;
        foreach (var block in document.Descendants().ToList())
        {
            switch (block)
            {
                case HeadingBlock heading:
                    heading.GetAttributes().AddClass(heading.Level switch { 1 => "govuk-heading-l", 2 => "govuk-heading-m", _ => "govuk-heading-s" });
                    break;
                case ParagraphBlock paragraph:
                    paragraph.GetAttributes().AddClass("govuk-body");
                    break;
                case ListBlock list:
                    list.GetAttributes().AddClass(list.IsOrdered ? "govuk-list govuk-list--number" : "govuk-list govuk-list--bullet");
                    break;
                case QuoteBlock quote:
                    quote.GetAttributes().AddClass("govuk-inset-text");
                    break;
                case ThematicBreakBlock rule:
                    rule.GetAttributes().AddClass("govuk-section-break govuk-section-break--m govuk-section-break--visible");
                    break;
                case Table table:
                    table.GetAttributes().AddClass("govuk-table");
                    break;
                case TableRow row:
                    row.GetAttributes().AddClass("govuk-table__row");
                    break;
                case TableCell cell:
                    cell.GetAttributes().AddClass(cell.Parent is TableRow { IsHeader: true } ? "govuk-table__header" : "govuk-table__cell");
                    break;
                case LinkInline link:
                    Link(link, guideHref);
                    break;
            }
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return new UserGuide(key, title, writer.ToString());
    }

    private static void Link(LinkInline link, Func<string, string> guideHref)
    {
        var url = link.Url ?? "";
        if (GuideLink().Match(url) is { Success: true } guide && ByRole.Any(g => g.Key == guide.Groups["key"].Value))
        {
            link.Url = guideHref(guide.Groups["key"].Value) + guide.Groups["fragment"].Value;
        }
        else if (!url.StartsWith("https://", StringComparison.Ordinal) && !url.StartsWith('#'))
        {
            // The technical documents are not served: keep the words, drop the link.
            link.ReplaceBy(new LiteralInline(Text(link)), copyChildren: false);
            return;
        }
        link.GetAttributes().AddClass("govuk-link");
    }

    private static string Text(ContainerInline? inline) => inline is null ? "" : string.Concat(inline.Descendants<LeafInline>().Select(l => l switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        _ => "",
    }));

    [GeneratedRegex(@"^(?:\./)?(?<key>[a-z-]+)\.md(?<fragment>#[a-z0-9-]+)?$")]
    private static partial Regex GuideLink();
}

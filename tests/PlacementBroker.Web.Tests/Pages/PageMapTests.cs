using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Pages;

/// <summary>
/// docs/pages.md maps every page address to the file that serves it, so that a page is found by its path (page folders
/// do not always follow their addresses: <c>Pages/Quality</c> serves <c>/qa/…</c>, <c>Pages/Commissioning</c> serves
/// <c>/dps</c>, <c>/billing</c>, …). The table is checked against the routes the host really maps: a page missing from
/// it, a row for a page that does not exist, or a row naming the wrong file fails here, with the whole table as it
/// should be in the message, ready to paste.
/// </summary>
public partial class PageMapTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    public const string Start = "<!-- page-map:start -->";
    public const string End = "<!-- page-map:end -->";

    /// <summary>Each Razor page route the host maps (with a leading slash, "/" for the home page) and its .cshtml file.</summary>
    public static IReadOnlyList<(string Route, string File)> MappedPages(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(e => e.Page is not null)
            .Select(e => (Route: "/" + (e.Endpoint.RoutePattern.RawText ?? "").TrimStart('/'), File: e.Page!.RelativePath.TrimStart('/')))
            .Distinct()
            .OrderBy(p => p.Route, StringComparer.OrdinalIgnoreCase)
            .ToList();

    [Fact]
    public void PageMap_ListsEveryPageWithTheFileThatServesIt()
    {
        var mapped = MappedPages(app.Services);
        Assert.NotEmpty(mapped);
        Assert.Contains(mapped, p => p.Route == "/qa/flags/{id:guid}/resolve" && p.File == "Pages/Quality/Flags/Resolve.cshtml");
        var documented = DocumentedPages(File.ReadAllText(PagesDoc()));

        var failures = new List<string>();
        var twice = documented.GroupBy(d => d.Route).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        failures.AddRange(twice.Select(r => $"listed twice: {r}"));
        var byRoute = documented.GroupBy(d => d.Route).ToDictionary(g => g.Key, g => g.First().File);
        var routes = mapped.Select(m => m.Route).ToHashSet();
        foreach (var (route, file) in mapped)
        {
            if (!byRoute.TryGetValue(route, out var listed))
            {
                failures.Add($"missing: {route} ({file})");
            }
            else if (listed != file)
            {
                failures.Add($"wrong file: {route} is served by {file}, the table says {listed}");
            }
        }
        failures.AddRange(documented.Where(d => !routes.Contains(d.Route)).Select(d => $"no such page: {d.Route} ({d.File})"));

        Assert.True(failures.Count == 0,
            $"docs/pages.md does not match the pages the host maps:\n  {string.Join("\n  ", failures)}\n\n"
            + $"Replace the table between {Start} and {End} with:\n\n{Table(mapped)}");
    }

    [Fact]
    public void DocumentedPages_ReadsTheRowsBetweenTheMarkersOnly()
    {
        var doc = $"| `/outside` | `Pages/Outside.cshtml` |\n{Start}\n| Address | Page |\n| --- | --- |\n"
            + "| `/qa/flags/{id:guid}/resolve` | `Pages/Quality/Flags/Resolve.cshtml` |\n"
            + "| `/error/{code:int}` | `Pages/Errors/Error.cshtml` |\n"
            + $"{End}\n| `/after` | `Pages/After.cshtml` |\n";

        var rows = DocumentedPages(doc);

        Assert.Equal(
            new[] { ("/qa/flags/{id:guid}/resolve", "Pages/Quality/Flags/Resolve.cshtml"), ("/error/{code:int}", "Pages/Errors/Error.cshtml") },
            rows);
        Assert.Throws<InvalidOperationException>(() => DocumentedPages("| `/a` | `Pages/A.cshtml` |"));
    }

    /// <summary>The markdown table of every mapped page, as docs/pages.md holds it.</summary>
    public static string Table(IEnumerable<(string Route, string File)> pages)
    {
        var table = new StringBuilder("| Address | Page |\n| --- | --- |\n");
        foreach (var (route, file) in pages)
        {
            // A pipe inside a route (a regex constraint) is escaped so the row stays a row.
            table.Append($"| `{route.Replace("|", "\\|", StringComparison.Ordinal)}` | `{file}` |\n");
        }
        return table.ToString();
    }

    /// <summary>The rows of the table between the markers: each an address and its page file.</summary>
    public static IReadOnlyList<(string Route, string File)> DocumentedPages(string markdown)
    {
        var start = markdown.IndexOf(Start, StringComparison.Ordinal);
        var end = markdown.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"docs/pages.md has no table between {Start} and {End}");
        }
        return markdown[(start + Start.Length)..end].Split('\n')
            .Select(line => Row().Match(line.Trim()))
            .Where(m => m.Success)
            .Select(m => (m.Groups["route"].Value.Replace("\\|", "|", StringComparison.Ordinal), m.Groups["file"].Value))
            .ToList();
    }

    [GeneratedRegex(@"^\|\s*`(?<route>[^`]+)`\s*\|\s*`(?<file>[^`]+)`\s*\|$")]
    private static partial Regex Row();

    private static string PagesDoc()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PlacementBroker.sln")))
            {
                return Path.Combine(dir.FullName, "docs", "pages.md");
            }
        }
        throw new InvalidOperationException($"No PlacementBroker.sln above {AppContext.BaseDirectory}");
    }
}

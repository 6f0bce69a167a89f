using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Web.Pages;

namespace PlacementBroker.Web.Tests.Security;

/// <summary>
/// Every page each caller may open, read as a browser would: each link and each form on it leads to a page the host maps
/// (with the handler it names), or to one of the few addresses that are not pages (<see cref="Links"/>). A link a tag
/// helper could not build (an unknown page name) renders an empty or missing href, and fails here.
/// </summary>
[Collection(SecurityMarketCollection.Name)]
public partial class PageLinkTests(SecurityMarketApp app)
{
    private static readonly HtmlParser Parser = new();
    private static readonly string[] StaticFolders = ["/assets/", "/govuk/", "/lib/", "/css/", "/js/"];

    [Fact]
    public async Task EveryLinkAndForm_OnEveryPageACallerOpens_LeadsToAPageTheHostMaps()
    {
        var pages = await MappedPagesAsync();
        var failures = new List<string>();
        var seen = new List<string>();
        var crawled = new HashSet<string>();
        var checkedLinks = 0;

        foreach (var caller in Enum.GetValues<Caller>())
        {
            var session = await app.PageSessionFor(caller);
            var opened = new Dictionary<string, int>();
            foreach (var route in PageAccessMatrix.Routes)
            {
                var expected = PageAccessMatrixTests.Expected(route, caller, Target.Own);
                if (expected != PageExpect.Ok && expected != PageExpect.LetIn)
                {
                    continue;
                }
                var path = route.Path?.Invoke(app.A) ?? route.Address ?? route.Pattern;
                using var response = await session.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Assert.True(expected != PageExpect.Ok, $"{caller} GET {path}: {(int)response.StatusCode}, but the page matrix says 200");
                    continue;
                }
                crawled.Add(route.Pattern);
                var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
                var where = $"{caller} on {path}";

                foreach (var anchor in document.QuerySelectorAll("a"))
                {
                    var href = anchor.GetAttribute("href");
                    checkedLinks++;
                    if (string.IsNullOrWhiteSpace(href))
                    {
                        failures.Add($"{where}: a link without an address (\"{anchor.TextContent.Trim()}\")");
                        continue;
                    }
                    seen.Add($"{caller} {route.Pattern} a {href}");
                    failures.AddRange((await CheckGetAsync(session, opened, pages, document, path, href)).Select(f => $"{where}: link \"{anchor.TextContent.Trim()}\" to {href}: {f}"));
                }

                foreach (var form in document.QuerySelectorAll("form"))
                {
                    var method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
                    if (method == "POST" && form.QuerySelectorAll("input[name=__RequestVerificationToken]").Length != 1)
                    {
                        failures.Add($"{where}: a POST form without exactly one antiforgery token");
                    }
                    var actions = form.QuerySelectorAll("button[formaction], input[formaction]").Select(b => b.GetAttribute("formaction")).ToList();
                    if (form.HasAttribute("action") || actions.Count == 0)
                    {
                        // A form without an action posts back to the page it is on.
                        actions.Add(form.HasAttribute("action") ? form.GetAttribute("action") : path);
                    }
                    foreach (var action in actions)
                    {
                        checkedLinks++;
                        if (string.IsNullOrWhiteSpace(action))
                        {
                            failures.Add($"{where}: a {method} form without an address");
                            continue;
                        }
                        seen.Add($"{caller} {route.Pattern} form-{method} {action}");
                        var problems = method == "GET"
                            ? await CheckGetAsync(session, opened, pages, document, path, action)
                            : CheckPost(pages, path, action);
                        failures.AddRange(problems.Select(f => $"{where}: {method} form to {action}: {f}"));
                    }
                }
            }
        }

        if (Environment.GetEnvironmentVariable("PB_PAGE_LINKS_DUMP") is { Length: > 0 } dump)
        {
            // Ids named by the market's sides, so that two runs (before and after a change to the views) compare.
            var names = new[] { ("A", app.A), ("B", app.B) }.SelectMany(s => typeof(Side).GetProperties().Where(p => p.PropertyType == typeof(Guid))
                .Select(p => (Id: ((Guid)p.GetValue(s.Item2)!).ToString(), Name: $"{s.Item1}.{p.Name}"))).ToList();
            await File.WriteAllLinesAsync(dump, seen.Select(l => names.Aggregate(l, (line, n) => line.Replace(n.Id, n.Name, StringComparison.OrdinalIgnoreCase)))
                .Distinct().Order(StringComparer.Ordinal));
        }
        // The crawl is not empty: every page some caller may open was read, with its links.
        var openable = PageAccessMatrix.Routes.Where(r => Enum.GetValues<Caller>().Any(c => PageAccessMatrixTests.Expected(r, c, Target.Own) == PageExpect.Ok))
            .Select(r => r.Pattern).Except(crawled).ToList();
        Assert.True(openable.Count == 0, $"Pages not read: {string.Join(", ", openable)}");
        Assert.True(checkedLinks > 500, $"Only {checkedLinks} links and forms were read");
        Assert.True(failures.Count == 0, $"{failures.Count} broken links or forms:\n  {string.Join("\n  ", failures.Distinct())}");
    }

    /// <summary>
    /// The views as written, for the links the crawl above cannot reach (a state the market is not in): every page name
    /// they and <see cref="Navigation"/> use is a page the host maps, with the handler named beside it, and no view writes
    /// an address of its own except to a static file.
    /// </summary>
    [Fact]
    public async Task EveryPageNamedInTheViews_IsAPageTheHostMaps_AndNoViewWritesAnAddress()
    {
        var pages = (await MappedPagesAsync()).ToLookup(p => p.ViewEnginePath);
        var folder = PagesFolder();
        var files = Directory.GetFiles(folder, "*.cshtml", SearchOption.AllDirectories).Append(Path.Combine(folder, "Shared", "Navigation.cs")).ToList();
        var failures = new List<string>();
        var names = 0;
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file);
            var where = Path.GetRelativePath(folder, file);
            // Page names are the string literals that start "/" and a capital letter: "/Referrals/Show".
            foreach (Match name in PageName().Matches(text))
            {
                names++;
                if (!pages.Contains(name.Groups[1].Value))
                {
                    failures.Add($"{where}: no page is named {name.Groups[1].Value}");
                }
            }
            foreach (Match tag in Tag().Matches(text))
            {
                if (AttributeValue(tag.Value, "asp-page") is { } page && AttributeValue(tag.Value, "asp-page-handler") is { } handler
                    && pages[page].All(p => !p.Handlers.Any(h => string.Equals(h.Name, handler, StringComparison.OrdinalIgnoreCase))))
                {
                    failures.Add($"{where}: page {page} has no handler named {handler}");
                }
                foreach (var attribute in new[] { "href", "action", "formaction" })
                {
                    if (AttributeValue(tag.Value, attribute) is { } address && address.StartsWith('/')
                        && !StaticFolders.Any(f => address.StartsWith(f, StringComparison.Ordinal)))
                    {
                        failures.Add($"{where}: {attribute}=\"{address}\" is written by hand: name the page (asp-page) or use Links");
                    }
                }
            }
        }
        Assert.True(names > 100, $"Only {names} page names found under {folder}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// The page models as written (Pages/**/*.cs), for the redirects a crawl cannot follow: no handler or filter redirects to
    /// an address of its own (<c>Redirect("/...")</c>); every page name a model uses (<c>RedirectToPage</c>, <c>Url.Page</c>,
    /// a page-name constant) is a page the host maps, or a folder of them, with the handler named beside it; and the few
    /// addresses <see cref="Links"/> says must stay written out each lead to a page the host maps or are one of its addresses
    /// that are not pages.
    /// </summary>
    [Fact]
    public async Task NoPageModelWritesAnAddress_AndEveryPageItNamesIsMapped()
    {
        var mapped = await MappedPagesAsync();
        var pages = mapped.ToLookup(p => p.ViewEnginePath);
        var folder = PagesFolder();
        var failures = new List<string>();
        var (names, addresses) = (0, new List<string>());
        foreach (var file in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories))
        {
            var where = Path.GetRelativePath(folder, file);
            var lines = await File.ReadAllLinesAsync(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.TrimStart().StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }
                var at = $"{where}:{i + 1}";
                if (HandWrittenRedirect().IsMatch(line))
                {
                    failures.Add($"{at}: redirects to an address written by hand: name the page (RedirectToPage)");
                }
                if (line.Contains("$\"/", StringComparison.Ordinal))
                {
                    failures.Add($"{at}: builds an address by hand: name the page (RedirectToPage, Url.Page)");
                }
                foreach (Match name in PageName().Matches(line))
                {
                    names++;
                    var page = name.Groups[1].Value;
                    if (!pages.Contains(page) && !mapped.Any(p => p.ViewEnginePath.StartsWith(page + "/", StringComparison.Ordinal)))
                    {
                        failures.Add($"{at}: no page (nor folder of pages) is named {page}");
                    }
                }
                foreach (Match call in PageAndHandler().Matches(line))
                {
                    var (page, handler) = (call.Groups[1].Value, call.Groups[2].Value);
                    if (pages[page].All(p => !p.Handlers.Any(h => string.Equals(h.Name, handler, StringComparison.OrdinalIgnoreCase))))
                    {
                        failures.Add($"{at}: page {page} has no handler named {handler}");
                    }
                }
                foreach (Match address in Address().Matches(line))
                {
                    var path = address.Groups[1].Value.Split('?')[0];
                    addresses.Add($"{at} {path}");
                    if (!Links.NotPages.Contains(path) && Match(mapped, path, "", "GET") is [var problem, ..])
                    {
                        failures.Add($"{at}: the address {path}: {problem}");
                    }
                }
            }
        }
        // The API docs link, the second-factor set-up page for Auth/, and two absolute links built on the public address.
        if (addresses.Count > 4)
        {
            failures.Add($"{addresses.Count} addresses are written in Pages/: name the page instead, or say in Links why it cannot be:\n  {string.Join("\n  ", addresses)}");
        }
        Assert.True(names > 100, $"Only {names} page names found in the page models under {folder}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string? AttributeValue(string tag, string name) =>
        Regex.Match(tag, $@"\s{Regex.Escape(name)}=""([^""]*)""") is { Success: true } m ? m.Groups[1].Value : null;

    private static string PagesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PlacementBroker.sln")))
            {
                return Path.Combine(dir.FullName, "src", "PlacementBroker.Web", "Pages");
            }
        }
        throw new InvalidOperationException($"No PlacementBroker.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"""(/(?:Index|[A-Z][A-Za-z]*(?:/[A-Z][A-Za-z]*)*))""")]
    private static partial Regex PageName();

    /// <summary>A redirect to a string that starts "/": <c>Redirect("/x")</c>, <c>Redirect($"/x/{id}")</c>, <c>new RedirectResult("/x")</c>, <c>LocalRedirect("/x")</c>.</summary>
    [GeneratedRegex(@"\b(?:Local)?Redirect(?:Result|Permanent)?\(\s*\$?@?""/")]
    private static partial Regex HandWrittenRedirect();

    /// <summary>A page named with its handler: <c>RedirectToPage("/Account/OrganisationSignIn", "Linked")</c>, <c>Url.Page(...)</c>.</summary>
    [GeneratedRegex(@"(?:RedirectToPage|Url\.Page)\(""(/[^""]+)"",\s*""([^""]+)""")]
    private static partial Regex PageAndHandler();

    /// <summary>A string literal that is an address: "/", "/account/two-factor", "/x?y=z".</summary>
    [GeneratedRegex(@"""(/(?:[a-z0-9][^""{\s]*)?)""")]
    private static partial Regex Address();

    [GeneratedRegex(@"<(?:a|form|button|input)\s[^>]*>")]
    private static partial Regex Tag();

    /// <summary>
    /// A link that must open: a page (and its GET handler) the host maps, a static file, or one of <see cref="Links"/>'
    /// addresses that are not pages; opened once per caller, it answers neither 404 nor 5xx nor the no-access page.
    /// </summary>
    private async Task<List<string>> CheckGetAsync(Pages.PageSession session, Dictionary<string, int> opened, IReadOnlyList<MappedPage> pages,
        IDocument document, string from, string href)
    {
        if (href.StartsWith('#'))
        {
            return document.GetElementById(href[1..]) is null ? [$"nothing on the page has the id {href[1..]}"] : [];
        }
        var target = new Uri(new Uri(app.ServerAddress, from), href);
        if (target.Authority != app.ServerAddress.Authority || target.Scheme is not ("http" or "https"))
        {
            return [];
        }
        var problems = new List<string>();
        var path = target.AbsolutePath;
        var isStatic = StaticFolders.Any(f => path.StartsWith(f, StringComparison.Ordinal));
        var isOther = Links.NotPages.Any(p => path == p || path.StartsWith(p + "/", StringComparison.Ordinal));
        if (!isStatic && !isOther)
        {
            problems.AddRange(Match(pages, path, target.Query, "GET"));
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        var address = target.PathAndQuery;
        if (!opened.TryGetValue(address, out var status))
        {
            using var response = await session.GetAsync(address);
            status = (int)response.StatusCode;
            if (status == 302 && response.Headers.Location?.OriginalString.Contains("/error/", StringComparison.Ordinal) == true)
            {
                status = 403;
            }
            opened[address] = status;
        }
        if (status is 403 or 404 || status >= 500)
        {
            problems.Add($"GET answers {status}");
        }
        return problems;
    }

    private List<string> CheckPost(IReadOnlyList<MappedPage> pages, string from, string action)
    {
        var target = new Uri(new Uri(app.ServerAddress, from), action);
        if (target.Authority != app.ServerAddress.Authority)
        {
            return ["posts to another site"];
        }
        return Match(pages, target.AbsolutePath, target.Query, "POST");
    }

    /// <summary>Problems with <paramref name="path"/>: no page's route matches it, or the page has no handler for the method and name.</summary>
    private static List<string> Match(IReadOnlyList<MappedPage> pages, string path, string query, string method)
    {
        var handler = QueryHelpers.ParseQuery(query).TryGetValue("handler", out var named) ? named.ToString() : null;
        foreach (var page in pages)
        {
            var values = new RouteValueDictionary();
            if (!page.Matcher.TryMatch(new PathString(path), values) || !page.Constraints.All(c => c.Constraint.Match(null, null, c.Name, values, RouteDirection.IncomingRequest)))
            {
                continue;
            }
            handler = values.TryGetValue("handler", out var routed) && routed is string h && h.Length > 0 ? h : handler;
            var handlers = page.Handlers.Where(m => string.Equals(m.HttpMethod, method, StringComparison.OrdinalIgnoreCase)).ToList();
            if (handler is null && (method == "GET" || handlers.Any(m => m.Name is null)))
            {
                return [];
            }
            return handlers.Any(m => string.Equals(m.Name, handler, StringComparison.OrdinalIgnoreCase))
                ? []
                : [$"page {page.ViewEnginePath} has no {method} handler {(handler is null ? "without a name" : "named " + handler)}"];
        }
        return ["no page has this address"];
    }

    private sealed record MappedPage(string ViewEnginePath, TemplateMatcher Matcher, IReadOnlyList<(string Name, IRouteConstraint Constraint)> Constraints,
        IReadOnlyList<HandlerMethodDescriptor> Handlers);

    /// <summary>The pages the host maps, each with its route (constraints included) and its handlers.</summary>
    private async Task<IReadOnlyList<MappedPage>> MappedPagesAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var resolver = app.Services.GetRequiredService<IInlineConstraintResolver>();
        var pages = new List<MappedPage>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }
            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var pattern = endpoint.RoutePattern;
            var constraints = pattern.ParameterPolicies
                .SelectMany(p => p.Value.Select(r => (p.Key, Constraint: r.ParameterPolicy as IRouteConstraint ?? resolver.ResolveConstraint(r.Content!))))
                .Where(c => c.Constraint is not null)
                // As the router does, an optional parameter's constraint applies only when the address gives it.
                .Select(c => (c.Key, pattern.GetParameter(c.Key)?.IsOptional == true ? new Microsoft.AspNetCore.Routing.Constraints.OptionalRouteConstraint(c.Constraint!) : c.Constraint!)).ToList();
            var matcher = new TemplateMatcher(TemplateParser.Parse(pattern.RawText ?? ""), new RouteValueDictionary(pattern.Defaults));
            pages.Add(new(descriptor.ViewEnginePath, matcher, constraints, [.. compiled.HandlerMethods]));
        }
        Assert.NotEmpty(pages);
        return pages;
    }
}

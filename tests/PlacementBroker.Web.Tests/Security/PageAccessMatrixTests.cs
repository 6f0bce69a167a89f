using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace PlacementBroker.Web.Tests.Security;

/// <summary>
/// Every Razor page × every caller (each with its own cookie session) × own, other tenant's and unknown resource → the
/// answer the page must give to a GET. The table is <see cref="PageAccessMatrix.Routes"/>; see there how to add a page.
/// </summary>
[Collection(SecurityMarketCollection.Name)]
public class PageAccessMatrixTests(SecurityMarketApp app)
{
    /// <summary>The Razor page routes the host maps, with a leading slash ("/" for the home page).</summary>
    public static IReadOnlyList<string> MappedPageRoutes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct().Order().ToList();

    [Fact]
    public void EveryPage_HasAnEntryInTheMatrix()
    {
        var mapped = MappedPageRoutes(app.Services);
        Assert.NotEmpty(mapped);
        var declared = PageAccessMatrix.Routes.Select(r => r.Pattern).ToList();

        var duplicates = declared.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"Declared twice in PageAccessMatrix.Routes: {string.Join(", ", duplicates)}");
        var missing = mapped.Except(declared).ToList();
        Assert.True(missing.Count == 0,
            $"Pages without an entry in PageAccessMatrix.Routes (add one line each: who may open it, and which resource its ids name):\n  {string.Join("\n  ", missing)}");
        var stale = declared.Except(mapped).ToList();
        Assert.True(stale.Count == 0, $"Entries in PageAccessMatrix.Routes for pages the host no longer maps:\n  {string.Join("\n  ", stale)}");
    }

    public static TheoryData<string> PagePatterns() => new(PageAccessMatrix.Routes.Select(r => r.Pattern));

    [Theory]
    [MemberData(nameof(PagePatterns))]
    public async Task Page_AnswersEveryCallerAndTenantAsItMust(string pattern)
    {
        var route = PageAccessMatrix.Routes.Single(r => r.Pattern == pattern);
        var failures = new List<string>();
        var unknown = UnknownSide();
        foreach (var caller in Enum.GetValues<Caller>())
        {
            var session = await app.PageSessionFor(caller);
            var targets = route.Path is null ? [Target.Own] : new[] { Target.Own, Target.Unknown, Target.Other };
            int? unknownStatus = null;
            foreach (var target in targets)
            {
                var side = target switch { Target.Own => app.A, Target.Other => app.B, _ => unknown };
                var path = route.Path?.Invoke(side) ?? route.Address ?? route.Pattern;
                using var response = await session.GetAsync(path);
                var status = (int)response.StatusCode;
                // The cookie handler answers with absolute addresses on this host: compare the path and query.
                var location = response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location?.OriginalString;
                var text = await response.Content.ReadAsStringAsync();
                var expected = Expected(route, caller, target);
                var answer = $"{caller} GET {path} ({target})";

                if (status < 300 && caller is not (Caller.Anonymous or Caller.PlatformAdmin)
                    && app.B.Private.Where(id => text.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)).ToList() is { Count: > 0 } leaked)
                {
                    failures.Add($"{answer}: {status} shows the other tenant's private ids {string.Join(", ", leaked)}");
                }
                if (!expected.Accepts(status, location))
                {
                    failures.Add($"{answer}: expected {expected}, got {status}{(location is null ? "" : " to " + location)}");
                }
                else if (expected == PageExpect.Denied)
                {
                    // The no-access page itself: the GOV.UK page, with the status a browser and a screen reader are told.
                    using var denied = await session.GetAsync(location!);
                    var page = await denied.Content.ReadAsStringAsync();
                    if ((int)denied.StatusCode != 403 || !page.Contains("You do not have access to this page", StringComparison.Ordinal))
                    {
                        failures.Add($"{answer}: sent to {location}, which answers {(int)denied.StatusCode} without the no-access page");
                    }
                }
                if (target == Target.Unknown)
                {
                    unknownStatus = status;
                }
                if (target == Target.Other && route.Allowed.Contains(caller) && route.Global?.Contains(caller) != true
                    && unknownStatus is { } unknownAnswer && unknownAnswer != status)
                {
                    failures.Add($"{answer}: {status}, but an unknown id answers {unknownAnswer}: it reveals the resource exists");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{route.Pattern}:\n  {string.Join("\n  ", failures)}");
    }

    public static PageExpect Expected(PageRoute route, Caller caller, Target target)
    {
        if (route.Except?.TryGetValue((caller, target), out var exception) == true)
        {
            return exception;
        }
        if (route.Anonymous)
        {
            return PageExpect.LetIn;
        }
        if (caller == Caller.Anonymous)
        {
            return PageExpect.SignIn;
        }
        if (!route.Allowed.Contains(caller))
        {
            return PageExpect.Denied;
        }
        return target switch
        {
            Target.Own => PageExpect.Ok,
            Target.Other when route.Global?.Contains(caller) == true => PageExpect.Ok,
            _ => PageExpect.NotFound,
        };
    }

    /// <summary>A side whose every id is new: nobody's resources.</summary>
    private static Side UnknownSide()
    {
        var side = new Side();
        foreach (var property in typeof(Side).GetProperties().Where(p => p.PropertyType == typeof(Guid) && p.CanWrite))
        {
            property.SetValue(side, Guid.NewGuid());
        }
        return side;
    }
}

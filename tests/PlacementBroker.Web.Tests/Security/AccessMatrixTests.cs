using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace PlacementBroker.Web.Tests.Security;

[CollectionDefinition(Name)]
public sealed class SecurityMarketCollection : ICollectionFixture<SecurityMarketApp>
{
    public const string Name = "Security market";
}

/// <summary>
/// Every API route × every caller × own, other tenant's and unknown resource → the answer the contract gives. The table
/// is <see cref="AccessMatrix.Routes"/>; see there how to add a route.
/// </summary>
[Collection(SecurityMarketCollection.Name)]
public partial class AccessMatrixTests(SecurityMarketApp app)
{
    /// <summary>The API routes the host maps, as "METHOD /pattern".</summary>
    public static IReadOnlyList<string> MappedApiRoutes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct().Order().ToList();

    [Fact]
    public void EveryApiEndpoint_HasAnEntryInTheMatrix()
    {
        var mapped = MappedApiRoutes(app.Services);
        var declared = AccessMatrix.Routes.Select(r => r.Key).ToList();

        var duplicates = declared.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"Declared twice in AccessMatrix.Routes: {string.Join(", ", duplicates)}");
        var missing = mapped.Except(declared).ToList();
        Assert.True(missing.Count == 0,
            $"Endpoints without an entry in AccessMatrix.Routes (add one line each: who may call it, and which resource its ids name):\n  {string.Join("\n  ", missing)}");
        var stale = declared.Except(mapped).ToList();
        Assert.True(stale.Count == 0, $"Entries in AccessMatrix.Routes for routes the host no longer maps:\n  {string.Join("\n  ", stale)}");
    }

    public static TheoryData<string> RouteKeys() => new(AccessMatrix.Routes.Select(r => r.Key));

    [Theory]
    [MemberData(nameof(RouteKeys))]
    public async Task Route_AnswersEveryCallerAndTenantAsTheContractSays(string key)
    {
        var route = AccessMatrix.Routes.Single(r => r.Key == key);
        var failures = new List<string>();
        foreach (var caller in Enum.GetValues<Caller>())
        {
            using var client = app.ClientFor(caller);
            var targets = route.Id is null ? route.Query is null ? [Target.Own] : [Target.Own, Target.Other] : new[] { Target.Own, Target.Unknown, Target.Other };
            int? unknownStatus = null;
            foreach (var target in targets)
            {
                var (status, contentType, text, path) = await SendAsync(client, route, target);
                // A list asked about the other tenant's ids may answer anything but a fault, as long as it shows none of their resources.
                var expected = route.Id is null && target == Target.Other && route.Allowed.Contains(caller) && caller != Caller.Anonymous
                    ? Expect.NoFault
                    : Expected(route, caller, target);
                var leaked = status < 300 && caller != Caller.PlatformAdmin ? app.B.Private.Where(id => text.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)).ToList() : [];
                if (leaked.Count > 0)
                {
                    failures.Add($"{caller} {route.Method} {path} ({target}): {status} answers with the other tenant's private ids {string.Join(", ", leaked)}: {Shorten(text)}");
                }
                var accepted = expected.Accepts(status);
                var allowedCaller = route.Allowed.Contains(caller) && caller != Caller.Anonymous;
                if (target == Target.Unknown)
                {
                    unknownStatus = status;
                }
                if (!accepted && target != Target.Own && allowedCaller && route.Body is null && route.Writes && !IsGlobal(route, caller)
                    && status is 400 or 422 && status == unknownStatus)
                {
                    // A body the route rejects before it looks up the id: the other tenant's id answers exactly as an unknown one.
                    accepted = true;
                }
                if (target == Target.Other && allowedCaller && !IsGlobal(route, caller) && unknownStatus is { } unknown && unknown != status)
                {
                    failures.Add($"{caller} {route.Method} {path} (other tenant): {status}, but an unknown id answers {unknown}: it reveals the resource exists");
                }
                if (!accepted)
                {
                    failures.Add($"{caller} {route.Method} {path} ({target}): expected {expected}, got {status}: {Shorten(text)}");
                }
                else if (status >= 400 && contentType != "application/problem+json")
                {
                    failures.Add($"{caller} {route.Method} {path} ({target}): {status} as '{contentType}', not application/problem+json");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{route.Key}:\n  {string.Join("\n  ", failures)}");
    }

    private static bool IsGlobal(Route route, Caller caller) => route.Global?.Contains(caller) == true;

    public static Expect Expected(Route route, Caller caller, Target target)
    {
        if (route.Except?.TryGetValue((caller, target), out var exception) == true)
        {
            return exception;
        }
        if (caller == Caller.Anonymous)
        {
            return route.Anonymous ? Expect.LetIn : Expect.Unauthorized;
        }
        if (!route.Allowed.Contains(caller))
        {
            return Expect.Forbidden;
        }
        return target switch
        {
            Target.Own => route.Writes ? Expect.LetIn : Expect.Ok,
            Target.Other when IsGlobal(route, caller) => route.Writes ? Expect.LetIn : Expect.Ok,
            _ => Expect.NotFound,
        };
    }

    private async Task<(int Status, string? ContentType, string Text, string Path)> SendAsync(HttpClient client, Route route, Target target)
    {
        var side = target == Target.Other ? app.B : app.A;
        var path = route.Id is null ? route.Pattern : route.PathFor(side, unknown: target == Target.Unknown);
        if (route.Query is not null)
        {
            path += "?" + route.Query(side);
        }
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (route.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = route.ContentType != "application/json"
                ? new StringContent("", Encoding.UTF8, route.ContentType)
                : target == Target.Own || route.Body is null
                    ? new StringContent("{}", Encoding.UTF8, "application/json")
                    : JsonContent.Create(route.Body(app.A, app.B));
        }
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), path);
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}

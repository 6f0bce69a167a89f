using Xunit.Abstractions;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PlacementBroker.Web.Tests.Security;

/// <summary>
/// Every operation of the OpenAPI document, called by a caller the matrix allows, with hostile values: path ids that
/// are not ids, query strings out of range or of the wrong type, malformed JSON, and each body property of the wrong type,
/// null, huge, at a numeric boundary, an unknown enum name or an impossible date. Seeded and bounded: at most
/// <see cref="PerOperation"/> requests an operation. Never a 5xx; every 4xx is problem details.
/// </summary>
public partial class ApiFuzzTests(FuzzMarketApp app, ITestOutputHelper output) : IClassFixture<FuzzMarketApp>
{
    private const int PerOperation = 40;
    private static readonly TimeSpan PerOperationBudget = TimeSpan.FromSeconds(10);

    private static readonly string[] HostilePathValues =
    [
        // (A NUL byte in the path, or a request line over 8 KB, is refused by Kestrel before the application: not the application's answer to check.)
        "not-a-guid", "99999999999999999999", "-1", "0", "..%2F..%2Fetc%2Fpasswd", "%2500", "'%20OR%201%3D1--", new string('a', 4000),
        "00000000-0000-0000-0000-000000000000", "%7B%7D",
    ];

    private static readonly string[] HostileQueryValues =
    [
        "-1", "0", "100000", "2147483648", "-2147483649", "abc", "NotAValue", "2026-02-30", "9999-99-99", "1e308", "NaN", "%", "",
        new string('x', 4_000), "00000000-0000-0000-0000-000000000000", "not-a-guid", "true",
    ];

    private static readonly string[] MalformedBodies =
    [
        "{", "[]", "\"text\"", "null", "123", "{\"a\":", "{\"a\":1,}", "\u0000\u0001\u0002", "{\"x\":" + new string('[', 2000) + "}",
        "{'single':'quotes'}", "[{}]", "{\"__proto__\":{\"admin\":true}}", "true",
    ];

    private static readonly JsonNode?[] HostileValues =
    [
        null, JsonValue.Create(new string('x', 10_000)), JsonValue.Create(int.MaxValue), JsonValue.Create(-1), JsonValue.Create(long.MaxValue),
        JsonValue.Create(1e308), JsonValue.Create(-1e308), JsonValue.Create(0.000001), JsonValue.Create("NaN"), JsonValue.Create("Bogus"),
        JsonValue.Create("2026-02-30"), JsonValue.Create("0001-01-01"), JsonValue.Create("9999-12-31T23:59:59Z"), JsonValue.Create("not-a-guid"),
        JsonValue.Create("00000000-0000-0000-0000-000000000000"), JsonValue.Create(true), new JsonArray(1, "two", null), new JsonObject { ["nested"] = 1 },
        JsonValue.Create(""), JsonValue.Create("   "), JsonValue.Create("<script>alert(1)</script>"), JsonValue.Create("Robert'); DROP TABLE Users;--"),
        JsonValue.Create(79228162514264337593543950335m), JsonValue.Create(-79228162514264337593543950335m),
    ];

    public static TheoryData<string> RouteKeys() => new(AccessMatrix.Routes.Select(r => r.Key));

    [Theory]
    [MemberData(nameof(RouteKeys))]
    public async Task Operation_WithHostileInput_NeverAnswers5xxAndEvery4xxIsProblemDetails(string key)
    {
        var route = AccessMatrix.Routes.Single(r => r.Key == key);
        var document = await DocumentAsync();
        var openApiPath = Constraint().Replace(route.Pattern, "{$1}").TrimEnd('/');
        Assert.True(document["paths"]?[openApiPath]?[route.Method.ToLowerInvariant()] is JsonObject,
            $"{route.Key}: no operation {route.Method} {openApiPath} in the OpenAPI document");
        var operation = (JsonObject)document["paths"]![openApiPath]![route.Method.ToLowerInvariant()]!;

        var caller = route.Allowed.FirstOrDefault(c => c != Caller.Anonymous);
        var who = route.Anonymous ? Caller.Anonymous : caller;
        using var client = app.ClientFor(who);
        var random = new Random(1234 + StableHash(route.Key));
        var requests = Requests(route, operation, document, random).Take(PerOperation);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var answers = new SortedDictionary<int, int>();
        foreach (var (path, body, contentType) in requests)
        {
            if (clock.Elapsed > PerOperationBudget)
            {
                break;
            }
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            }
            using var response = await client.SendAsync(request);
            sent++;
            var status = (int)response.StatusCode;
            answers[status] = answers.GetValueOrDefault(status) + 1;
            var type = response.Content.Headers.ContentType?.MediaType;
            if (status >= 500 || (status >= 400 && response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/api") && type != "application/problem+json"))
            {
                var text = await response.Content.ReadAsStringAsync();
                failures.Add($"{route.Method} {Shorten(path)} body {Shorten(body ?? "(none)")} as {who} → {status} {type}: {Shorten(text)}");
            }
        }
        output.WriteLine($"{route.Key} as {who}: {sent} requests in {clock.ElapsedMilliseconds} ms: {string.Join(", ", answers.Select(a => $"{a.Value}×{a.Key}"))}");
        Assert.True(sent >= 5, $"{route.Key}: only {sent} requests within the budget");
        Assert.True(failures.Count == 0, $"{route.Key}: {failures.Count} of {sent} hostile requests failed:\n  {string.Join("\n  ", failures.Take(15))}");
    }

    private IEnumerable<(string Path, string? Body, string ContentType)> Requests(Route route, JsonObject operation, JsonObject document, Random random)
    {
        var validPath = route.Id is null ? Constraint().Replace(route.Pattern, _ => Guid.NewGuid().ToString()) : route.PathFor(app.A, unknown: false);
        var baseBody = operation["requestBody"]?["content"]?["application/json"]?["schema"] is JsonNode schema
            ? Sample(schema, document, 0) as JsonObject
            : null;
        if (route.Body is not null && JsonSerializer.SerializeToNode(route.Body(app.A, app.A), JsonSerializerOptions.Web) is JsonObject declared)
        {
            // The matrix's sensible body, rather than the schema's sample, so that the hostile value is the only thing wrong.
            baseBody = declared;
        }
        var readsBody = route.Writes && route.Method != "DELETE";
        var contentType = route.ContentType;
        var validBody = readsBody ? baseBody?.ToJsonString() ?? (contentType == "application/json" ? "{}" : "URN\n1") : null;

        yield return (validPath, validBody, contentType);
        // Path ids that are not ids.
        if (route.Id is not null)
        {
            // One parameter at a time, the others valid: a route's parameters take turns.
            var turn = 0;
            foreach (var value in HostilePathValues.OrderBy(_ => random.Next()).Take(4))
            {
                yield return (route.PathWith(app.A, turn++, value), validBody, contentType);
            }
        }
        // Query parameters the operation declares, plus paging on every GET, out of range or of the wrong type.
        var names = (operation["parameters"] as JsonArray ?? []).Where(p => (string?)p?["in"] == "query").Select(p => (string)p!["name"]!).ToList();
        if (route.Method == "GET")
        {
            names = [.. names.Union(["page", "pageSize"])];
        }
        foreach (var name in names)
        {
            foreach (var value in HostileQueryValues.OrderBy(_ => random.Next()).Take(3))
            {
                yield return ($"{validPath}?{name}={Uri.EscapeDataString(value)}", validBody, contentType);
            }
        }
        if (!readsBody)
        {
            yield break;
        }
        // Bodies that are not JSON, or not the JSON expected.
        foreach (var body in MalformedBodies.OrderBy(_ => random.Next()).Take(5))
        {
            yield return (validPath, body, "application/json");
        }
        yield return (validPath, "{}", "text/plain");
        // Each property of an otherwise sensible body, hostile in turn (nested objects too); then a few all at once.
        var properties = Paths(baseBody ?? []).ToList();
        foreach (var property in properties.OrderBy(_ => random.Next()))
        {
            foreach (var value in HostileValues.OrderBy(_ => random.Next()).Take(3))
            {
                var body = (JsonObject)(baseBody ?? []).DeepClone();
                Set(body, property, value?.DeepClone());
                yield return (validPath, body.ToJsonString(), "application/json");
            }
        }
        for (var i = 0; i < 3 && properties.Count > 0; i++)
        {
            var body = (JsonObject)baseBody!.DeepClone();
            foreach (var property in properties)
            {
                Set(body, property, HostileValues[random.Next(HostileValues.Length)]?.DeepClone());
            }
            yield return (validPath, body.ToJsonString(), "application/json");
        }
    }

    /// <summary>A plausible value for a schema: what a well-meaning client would send, for the fuzzer to spoil one part at a time.</summary>
    private JsonNode? Sample(JsonNode schema, JsonObject document, int depth)
    {
        if (depth > 4)
        {
            return null;
        }
        if ((string?)schema["$ref"] is { } reference)
        {
            return document["components"]?["schemas"]?[reference.Split('/')[^1]] is JsonNode target ? Sample(target, document, depth + 1) : null;
        }
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema[combinator] is JsonArray options && options.FirstOrDefault(o => (string?)o?["type"] != "null") is JsonNode first)
            {
                return Sample(first, document, depth + 1);
            }
        }
        if (schema["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is JsonNode value)
        {
            return value.DeepClone();
        }
        var type = schema["type"] is JsonArray types ? types.Select(t => (string?)t).FirstOrDefault(t => t != "null") : (string?)schema["type"];
        var format = (string?)schema["format"];
        return type switch
        {
            "object" or null when schema["properties"] is JsonObject properties =>
                new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, Sample(p.Value!, document, depth + 1)))),
            "array" => schema["items"] is JsonNode items ? new JsonArray(Sample(items, document, depth + 1)) : new JsonArray(),
            "integer" => 1,
            "number" => 100,
            "boolean" => false,
            "string" => format switch
            {
                "uuid" => app.A.Setting.ToString(),
                "date" => "2026-12-01",
                "date-time" => "2026-12-01T09:00:00Z",
                "email" => "fuzz@test.placementbroker.uk",
                _ => "Fuzz",
            },
            _ => null,
        };
    }

    private static IEnumerable<string[]> Paths(JsonObject body, string[]? prefix = null)
    {
        foreach (var (name, value) in body)
        {
            string[] path = [.. prefix ?? [], name];
            yield return path;
            if (value is JsonObject nested)
            {
                foreach (var inner in Paths(nested, path))
                {
                    yield return inner;
                }
            }
        }
    }

    private static void Set(JsonObject body, string[] path, JsonNode? value)
    {
        var parent = body;
        foreach (var name in path[..^1])
        {
            if (parent[name] is not JsonObject child)
            {
                return;
            }
            parent = child;
        }
        parent[path[^1]] = value;
    }

    private JsonObject? _document;

    private async Task<JsonObject> DocumentAsync()
    {
        if (_document is null)
        {
            using var client = app.CreateClient();
            _document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        }
        return _document;
    }

    private static int StableHash(string text) => text.Aggregate(17, (h, c) => unchecked(h * 31 + c));

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;

    [GeneratedRegex(@"\{([^}:]+)(:[^}]+)?\}")]
    private static partial Regex Constraint();
}

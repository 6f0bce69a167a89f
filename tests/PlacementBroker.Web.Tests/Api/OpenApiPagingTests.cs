using System.Net;
using System.Text.Json;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>The OpenAPI document declares the contract's paging on every list endpoint.</summary>
public class OpenApiPagingTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/api/vacancies")]
    [InlineData("/api/placements")]
    [InlineData("/api/referrals")]
    [InlineData("/api/provider/referrals")]
    [InlineData("/api/invoices")]
    public async Task ListEndpoint_DeclaresPageAndPageSizeAndTheTotalCountAndLinkHeaders(string path)
    {
        var get = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty("get");

        var parameters = get.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal("query", parameters["page"].GetProperty("in").GetString());
        Assert.Equal("integer", parameters["pageSize"].GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal(500, parameters["pageSize"].GetProperty("schema").GetProperty("maximum").GetInt32());
        var headers = get.GetProperty("responses").GetProperty("200").GetProperty("headers");
        Assert.True(headers.TryGetProperty("X-Total-Count", out _));
        Assert.True(headers.TryGetProperty("Link", out _));
    }

    /// <summary>Every GET that answers a JSON array is paged: none is left to answer a whole (or silently cut) list.</summary>
    [Fact]
    public async Task EveryGetThatAnswersAnArray_IsPaged()
    {
        var unpaged = new List<string>();
        foreach (var path in (await DocumentAsync()).GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get)
                || !get.GetProperty("responses").TryGetProperty("200", out var ok)
                || !ok.TryGetProperty("content", out var content)
                || !content.TryGetProperty("application/json", out var json)
                || !json.TryGetProperty("schema", out var schema)
                || !schema.TryGetProperty("type", out var type)
                || !type.ToString().Contains("array"))
            {
                continue;
            }
            var names = get.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList()
                : [];
            if (!names.Contains("page") || !names.Contains("pageSize"))
            {
                unpaged.Add(path.Name);
            }
        }
        Assert.Empty(unpaged);
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}

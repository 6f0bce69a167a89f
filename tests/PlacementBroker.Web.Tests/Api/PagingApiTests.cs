using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Providers;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>Lists are complete or paged, never silently cut: page and pageSize, X-Total-Count, Link rel="next", a stable order.</summary>
public abstract partial class PagingApiTests(PlacementBrokerApp app)
{
    /// <summary>
    /// Today's list sorted vacancies by the status's name and cut them at 2,000: 2,100 filled vacancies ("Filled" sorts before
    /// "Open") hid the one open vacancy, and reading it by id searched that cut list.
    /// </summary>
    [Fact]
    public async Task Vacancies_MoreThanTwoThousand_TheOpenOneCreatedLastIsFirstReachableByPagingAndById()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(provider, dps);
        var settingId = await app.Data.CreateSettingAsync(provider);
        await InsertVacanciesAsync(provider, settingId, dps.LotId, 2_100, VacancyStatus.Filled);
        var openId = await app.Data.CreateVacancyAsync(provider, settingId, dps.LotId);
        using var client = await app.Data.ClientForAsync(provider.User);

        var one = await (await client.GetAsync($"/api/vacancies/{openId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Open", one.GetProperty("status").GetString());

        var first = await client.GetAsync("/api/vacancies?pageSize=500");
        var firstPage = await first.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("2101", TotalCount(first));
        Assert.Equal(500, firstPage.GetArrayLength());
        Assert.Equal(openId.ToString(), firstPage[0].GetProperty("id").GetString());

        var ids = await ReadEveryPageAsync(client, "/api/vacancies?pageSize=500");
        Assert.Equal(2_101, ids.Count);
        Assert.Equal(2_101, ids.Distinct().Count());
        Assert.Equal(openId.ToString(), ids[0]);
    }

    [Fact]
    public async Task Vacancies_OpenFirstThenByTheDateAvailableThenById()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(provider, dps);
        var settingId = await app.Data.CreateSettingAsync(provider);
        await InsertVacanciesAsync(provider, settingId, dps.LotId, 5, VacancyStatus.Filled);
        await InsertVacanciesAsync(provider, settingId, dps.LotId, 5, VacancyStatus.Withdrawn);
        await InsertVacanciesAsync(provider, settingId, dps.LotId, 5, VacancyStatus.Open);
        using var client = await app.Data.ClientForAsync(provider.User);

        var pages = new List<JsonElement>();
        foreach (var page in new[] { 1, 2, 3, 4 })
        {
            pages.AddRange((await (await client.GetAsync($"/api/vacancies?pageSize=4&page={page}")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        }

        Assert.Equal(15, pages.Count);
        Assert.All(pages.Take(5), v => Assert.Equal("Open", v.GetProperty("status").GetString()));
        Assert.DoesNotContain(pages.Skip(5), v => v.GetProperty("status").GetString() == "Open");
        foreach (var group in new[] { pages.Take(5).ToList(), pages.Skip(5).ToList() })
        {
            var dates = group.Select(v => v.GetProperty("availableFrom").GetString()!).ToList();
            Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        }
        // The same request twice answers the same order.
        var again = await (await client.GetAsync("/api/vacancies?pageSize=15")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(pages.Select(v => v.GetProperty("id").GetString()), again.EnumerateArray().Select(v => v.GetProperty("id").GetString()));
    }

    public static TheoryData<string, string> ListEndpoints => new()
    {
        { "provider", "/api/vacancies" },
        { "provider", "/api/vacancies?status=Filled" },
        { "provider", "/api/provider/referrals" },
        { "provider", "/api/placements" },
        { "officer", "/api/referrals" },
        { "officer", "/api/placements?status=Active" },
        { "admin", "/api/local-authorities" },
    };

    [Theory]
    [MemberData(nameof(ListEndpoints))]
    public async Task ListEndpoints_SayTheTotalAndLinkTheNextPageUntilTheLast(string who, string path)
    {
        var scene = await ThreePlacementsAsync();
        using var client = who switch
        {
            "provider" => await app.Data.ClientForAsync(scene.Provider.User),
            "officer" => await app.Data.ClientForAsync(scene.Officer),
            _ => await app.Data.AdminClientAsync(),
        };
        var separator = path.Contains('?') ? '&' : '?';

        var first = await client.GetAsync($"{path}{separator}pageSize=2");
        var firstPage = await first.ReadJsonAsync(HttpStatusCode.OK);
        var total = int.Parse(TotalCount(first));
        Assert.True(total >= 3, $"{path} holds {total}");
        Assert.Equal(2, firstPage.GetArrayLength());
        var next = Links(first).GetValueOrDefault("next");
        Assert.NotNull(next);
        Assert.Contains("page=2", next);
        Assert.Contains("pageSize=2", next);
        if (path.Contains('?'))
        {
            Assert.Contains(path[(path.IndexOf('?') + 1)..], next);
        }

        var ids = await ReadEveryPageAsync(client, $"{path}{separator}pageSize=2");
        Assert.Equal(total, ids.Count);
        Assert.Equal(total, ids.Distinct().Count());

        var last = await client.GetAsync($"{path}{separator}pageSize=2&page={(total + 1) / 2}");
        Assert.Equal(total % 2 == 0 ? 2 : 1, (await last.ReadJsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(total.ToString(), TotalCount(last));
        Assert.False(Links(last).ContainsKey("next"), $"The last page of {path} links a next page");
        Assert.True(Links(last).ContainsKey("prev"));
    }

    [Theory]
    [InlineData("/api/vacancies?page=0", "page")]
    [InlineData("/api/vacancies?page=-1", "page")]
    [InlineData("/api/vacancies?page=two", "page")]
    [InlineData("/api/vacancies?pageSize=0", "pageSize")]
    [InlineData("/api/vacancies?pageSize=501", "pageSize")]
    [InlineData("/api/vacancies?pageSize=lots", "pageSize")]
    [InlineData("/api/vacancies?page=1.5&pageSize=-3", "page", "pageSize")]
    [InlineData("/api/provider/referrals?page=0", "page")]
    [InlineData("/api/placements?pageSize=100000", "pageSize")]
    [InlineData("/api/invoices?page=abc", "page")]
    public async Task BadPagingParameters_AreA400NamingTheField(string path, params string[] fields)
    {
        var provider = await app.Data.CreateProviderAsync();
        using var client = await app.Data.ClientForAsync(provider.User);

        await (await client.GetAsync(path)).AssertValidationProblemAsync(fields);
    }

    [Fact]
    public async Task ListEndpoints_PageSizeDefaultsToAHundredAndFiveHundredIsAllowed()
    {
        var dps = await app.Data.CreateDpsAsync();
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(provider, dps);
        var settingId = await app.Data.CreateSettingAsync(provider);
        await InsertVacanciesAsync(provider, settingId, dps.LotId, 150, VacancyStatus.Open);
        using var client = await app.Data.ClientForAsync(provider.User);

        var byDefault = await client.GetAsync("/api/vacancies");
        Assert.Equal(100, (await byDefault.ReadJsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal("150", TotalCount(byDefault));
        Assert.Contains("page=2", Links(byDefault)["next"]);
        Assert.Equal(150, (await (await client.GetAsync("/api/vacancies?pageSize=500")).ReadJsonAsync(HttpStatusCode.OK)).GetArrayLength());
        var beyond = await client.GetAsync("/api/vacancies?page=9");
        Assert.Equal(0, (await beyond.ReadJsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal("150", TotalCount(beyond));
    }

    private sealed record Scene(TestProvider Provider, TestUser Officer);

    /// <summary>Three referrals sent to one provider, each placed in one of its three vacancies.</summary>
    private async Task<Scene> ThreePlacementsAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        await app.Data.CreateLocalAuthorityAsync();
        await app.Data.CreateLocalAuthorityAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var (provider, firstVacancy) = await app.Data.FittingProviderAsync(dps);
        var settingId = await app.Data.CreateSettingAsync(provider);
        Guid[] vacancies = [firstVacancy, await app.Data.CreateVacancyAsync(provider, settingId, dps.LotId), await app.Data.CreateVacancyAsync(provider, settingId, dps.LotId)];
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        foreach (var vacancyId in vacancies)
        {
            var referralId = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
                .GetProperty("id").GetString();
            var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = 5000m }))
                .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
            await (await officerClient.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created);
        }
        return new Scene(provider, officer);
    }

    /// <summary>Many vacancies at once, written straight to the database, available from successive days.</summary>
    private async Task InsertVacanciesAsync(TestProvider provider, Guid settingId, Guid lotId, int count, VacancyStatus status)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < count; i++)
        {
            db.Vacancies.Add(new Vacancy
            {
                SettingId = settingId, ProviderId = provider.Id, LotId = lotId, Places = 1, AgeMin = 10, AgeMax = 17,
                Genders = [Gender.Female, Gender.Male], NeedsMet = [Need.EmotionalBehavioural], WeeklyPrice = 5000m,
                AvailableFrom = new DateOnly(2026, 1, 1).AddDays(i % 300), Status = status, CreatedAt = now, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Follows Link rel="next" from the first page to the last, collecting every item's id.</summary>
    private static async Task<List<string>> ReadEveryPageAsync(HttpClient client, string path)
    {
        var ids = new List<string>();
        string? next = path;
        for (var pages = 0; next is not null; pages++)
        {
            Assert.True(pages < 100, "More than 100 pages: the next link does not move on");
            var response = await client.GetAsync(next);
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            ids.AddRange(page.EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            next = Links(response).GetValueOrDefault("next");
        }
        return ids;
    }

    private static string TotalCount(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Total-Count", out var values) ? values.Single() : throw new Xunit.Sdk.XunitException("No X-Total-Count header");

    /// <summary>The RFC 8288 Link header as rel → target.</summary>
    public static Dictionary<string, string> Links(HttpResponseMessage response)
    {
        var links = new Dictionary<string, string>();
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return links;
        }
        foreach (Match link in LinkPattern().Matches(string.Join(",", values)))
        {
            links[link.Groups["rel"].Value] = link.Groups["target"].Value;
        }
        return links;
    }

    [GeneratedRegex("<(?<target>[^>]*)>\\s*;\\s*rel=\"(?<rel>[a-z]+)\"")]
    private static partial Regex LinkPattern();
}

public class PagingApiSqliteTests(SqliteApp app) : PagingApiTests(app), IClassFixture<SqliteApp>;

public class PagingApiServerTests(ServerApp app) : PagingApiTests(app), IClassFixture<ServerApp>;

using System.Net;
using System.Net.Http.Json;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>The annual sufficiency statement: a draft with live figures, commentary, and publishing that freezes both.</summary>
public abstract class SufficiencyStatementApiTests(PlacementBrokerApp app)
{
    private string Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");

    /// <summary>A commissioner whose authority has made one referral, placed at £5,000 a week, and the officer who made it.</summary>
    private async Task<(TestDps Dps, HttpClient Commissioner, HttpClient Officer)> MarketAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, 5000m);
        await app.Data.Placement(officer, dps.LotId).With(provider, vacancyId).At(5000m).PlaceAsync();
        return (dps, await app.Data.ClientForAsync(dps.Commissioner), officer);
    }

    private static object Commentary(string? intentions = "Commission two more local children's homes by block contract.") => new
    {
        title = "Leeds placement sufficiency statement 2026",
        introduction = "This statement sets out how we will meet our sufficiency duty.\n\nIt covers this year.",
        demandCommentary = "Demand rose.",
        supplyCommentary = (string?)null,
        outcomesCommentary = "Most children were placed.",
        priceCommentary = "Prices held.",
        qualityCommentary = "All placed in good settings.",
        commissioningIntentions = intentions,
    };

    [Fact]
    public async Task Statement_DraftEditPublish_FreezesTheFiguresAndTheWords()
    {
        var (dps, commissioner, officer) = await MarketAsync();

        var started = await (await commissioner.PostAsJsonAsync("/api/sufficiency/statements", new { periodFrom = "2026-01-01", periodTo = Today }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var id = started.GetProperty("id").GetString();
        Assert.Equal("Draft", started.GetProperty("status").GetString());
        Assert.Equal("Placement sufficiency statement 2026", started.GetProperty("title").GetString());
        var draft = await (await commissioner.GetAsync($"/api/sufficiency/statements/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, draft.GetProperty("figures").GetProperty("demand").GetProperty("referrals").GetInt32());
        Assert.Equal(1, draft.GetProperty("figures").GetProperty("outcomes").GetProperty("placed").GetInt32());

        await (await commissioner.PutAsJsonAsync($"/api/sufficiency/statements/{id}", Commentary(intentions: null))).ReadJsonAsync(HttpStatusCode.OK);
        await (await commissioner.PostAsync($"/api/sufficiency/statements/{id}/publish", null)).AssertValidationProblemAsync("commissioningIntentions");
        await (await commissioner.PutAsJsonAsync($"/api/sufficiency/statements/{id}", Commentary())).ReadJsonAsync(HttpStatusCode.OK);
        var published = await (await commissioner.PostAsync($"/api/sufficiency/statements/{id}/publish", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Published", published.GetProperty("status").GetString());

        // Another referral inside the period: the live report counts it, the published statement does not.
        await (await officer.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created);
        var live = await (await commissioner.GetAsync($"/api/sufficiency?from=2026-01-01&to={Today}")).ReadJsonAsync(HttpStatusCode.OK);
        var frozen = await (await commissioner.GetAsync($"/api/sufficiency/statements/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, live.GetProperty("demand").GetProperty("referrals").GetInt32());
        Assert.Equal(1, frozen.GetProperty("figures").GetProperty("demand").GetProperty("referrals").GetInt32());
        Assert.Equal(5000m, frozen.GetProperty("figures").GetProperty("price").GetProperty("acceptedWeeklyPrice").GetProperty("median").GetDecimal());
        Assert.Equal("Leeds placement sufficiency statement 2026", frozen.GetProperty("title").GetString());
        Assert.Equal("This statement sets out how we will meet our sufficiency duty.\n\nIt covers this year.", frozen.GetProperty("commentary").GetProperty("introduction").GetString());
        Assert.True(frozen.GetProperty("commentary").GetProperty("supplyCommentary").ValueKind == System.Text.Json.JsonValueKind.Null);
        Assert.False(string.IsNullOrWhiteSpace(frozen.GetProperty("publishedBy").GetString()));
        Assert.Equal("Published", frozen.GetProperty("status").GetString());

        await (await commissioner.PutAsJsonAsync($"/api/sufficiency/statements/{id}", Commentary())).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await commissioner.PostAsync($"/api/sufficiency/statements/{id}/publish", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        var list = await (await commissioner.GetAsync("/api/sufficiency/statements")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Published", list.EnumerateArray().Single().GetProperty("status").GetString());
    }

    [Fact]
    public async Task Statement_BadPeriodOrCommentary_Is400NamingTheFields()
    {
        using var commissioner = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.Commissioner, (await app.Data.CreateLocalAuthorityAsync()).Id));

        await (await commissioner.PostAsJsonAsync("/api/sufficiency/statements", new { })).AssertValidationProblemAsync("periodFrom", "periodTo");
        await (await commissioner.PostAsJsonAsync("/api/sufficiency/statements", new { periodFrom = "2026-03-01", periodTo = "2026-02-01" })).AssertValidationProblemAsync("periodTo");
        await (await commissioner.PostAsJsonAsync("/api/sufficiency/statements", new { periodFrom = "2024-04-01", periodTo = "2026-03-31" })).AssertValidationProblemAsync("periodTo");
        await (await commissioner.PostAsJsonAsync("/api/sufficiency/statements", new { periodFrom = "2026-04-01", periodTo = "2027-03-31" })).AssertValidationProblemAsync("periodTo");
        await (await commissioner.PostAsJsonAsync("/api/sufficiency/statements", new { periodFrom = "2025-04-01", periodTo = "2026-03-31", title = new string('x', 201) }))
            .AssertValidationProblemAsync("title");
        var id = (await (await commissioner.PostAsJsonAsync("/api/sufficiency/statements", new { periodFrom = "2025-04-01", periodTo = "2026-03-31" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        await (await commissioner.PutAsJsonAsync($"/api/sufficiency/statements/{id}", new { title = "", introduction = new string('x', 20_001) }))
            .AssertValidationProblemAsync("title", "introduction");
        await (await commissioner.PostAsync($"/api/sufficiency/statements/{id}/publish", null)).AssertValidationProblemAsync("introduction", "commissioningIntentions");
        var statement = await (await commissioner.GetAsync($"/api/sufficiency/statements/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Draft", statement.GetProperty("status").GetString());
        Assert.Equal("Placement sufficiency statement 2025 to 2026", statement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Statement_OnlyItsAuthoritysCommissioners()
    {
        var (dps, commissioner, officer) = await MarketAsync();
        var id = (await (await commissioner.PostAsJsonAsync("/api/sufficiency/statements", new { periodFrom = "2026-01-01", periodTo = Today }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        using var stranger = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.Commissioner, (await app.Data.CreateLocalAuthorityAsync()).Id));
        using var provider = await app.Data.ClientForAsync(Role.ProviderUser);
        using var manager = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.PlacementManager, dps.Commissioner.LocalAuthorityId));

        await (await stranger.GetAsync($"/api/sufficiency/statements/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PutAsJsonAsync($"/api/sufficiency/statements/{id}", Commentary())).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsync($"/api/sufficiency/statements/{id}/publish", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await stranger.GetAsync("/api/sufficiency/statements")).ReadJsonAsync(HttpStatusCode.OK)).GetArrayLength());
        foreach (var client in new[] { officer, provider, manager })
        {
            await (await client.GetAsync("/api/sufficiency/statements")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"/api/sufficiency/statements/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync("/api/sufficiency/statements", new { periodFrom = "2026-01-01", periodTo = Today })).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PutAsJsonAsync($"/api/sufficiency/statements/{id}", Commentary())).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsync($"/api/sufficiency/statements/{id}/publish", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/sufficiency/statements")).StatusCode);
    }
}

public class SufficiencyStatementApiSqliteTests(SqliteApp app) : SufficiencyStatementApiTests(app), IClassFixture<SqliteApp>;

public class SufficiencyStatementApiServerTests(ServerApp app) : SufficiencyStatementApiTests(app), IClassFixture<ServerApp>;

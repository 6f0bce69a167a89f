using System.Net;
using System.Net.Http.Json;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>GET /api/sufficiency over a small market with known numbers.</summary>
public abstract class SufficiencyApiTests(PlacementBrokerApp app)
{
    /// <summary>Three referrals: one placed at £5,000 (offer after 2 hours), one unfilled with a decline, one open with no offer.</summary>
    private async Task<(TestDps Dps, HttpClient Commissioner)> MarketAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var officerClient = await app.Data.ClientForAsync(officer);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, 5000m);
        var (decliner, _) = await app.Data.FittingProviderAsync(dps, 5100m);
        async Task<string> Refer(Dictionary<string, object?> body) =>
            (await (await officerClient!.PostAsJsonAsync("/api/referrals", body)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

        var placed = await Refer(app.Data.ReferralBody(dps.LotId));
        app.Clock.Advance(TimeSpan.FromHours(2));
        // Two hours on, the first tokens have expired: sign in again.
        officerClient.Dispose();
        officerClient = await app.Data.ClientForAsync(officer);
        using (var providerClient = await app.Data.ClientForAsync(provider.User))
        {
            var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{placed}/offers", new { vacancyId, weeklyPrice = 5000 })).ReadJsonAsync(HttpStatusCode.Created))
                .GetProperty("id").GetString();
            await (await officerClient.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created);
        }
        var unfilled = await Refer(app.Data.ReferralBody(dps.LotId));
        using (var declinerClient = await app.Data.ClientForAsync(decliner.User))
        {
            await (await declinerClient.PostAsJsonAsync($"/api/referrals/{unfilled}/decline", new { reason = "RiskTooHigh" })).ReadJsonAsync(HttpStatusCode.OK);
        }
        await (await officerClient.PostAsJsonAsync($"/api/referrals/{unfilled}/withdraw", new { reason = "Placed with family" })).ReadJsonAsync(HttpStatusCode.OK);
        await Refer(app.Data.ReferralBody(dps.LotId));
        officerClient.Dispose();
        return (dps, await app.Data.ClientForAsync(dps.Commissioner));
    }

    [Fact]
    public async Task Sufficiency_SmallMarket_EveryContractFigureIsExact()
    {
        var (dps, commissioner) = await MarketAsync();

        var report = await (await commissioner.GetAsync($"/api/sufficiency?from=2026-11-01&to=2026-11-30&lotId={dps.LotId}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, report.GetProperty("demand").GetProperty("referrals").GetInt32());
        Assert.Equal(1, report.GetProperty("supply").GetProperty("openVacancies").GetInt32());
        var outcomes = report.GetProperty("outcomes");
        Assert.Equal(1, outcomes.GetProperty("placed").GetInt32());
        Assert.Equal(0, outcomes.GetProperty("unfilled").GetInt32());
        Assert.Equal(1, outcomes.GetProperty("withdrawn").GetInt32());
        Assert.Equal(2m, outcomes.GetProperty("medianHoursToFirstOffer").GetDecimal());
        Assert.Equal(2, outcomes.GetProperty("referralsWithNoOffer").GetInt32());
        Assert.Equal("RiskTooHigh", outcomes.GetProperty("declinesByReason")[0].GetProperty("key").GetString());
        var price = report.GetProperty("price").GetProperty("acceptedWeeklyPrice");
        Assert.Equal(5000m, price.GetProperty("p25").GetDecimal());
        Assert.Equal(5000m, price.GetProperty("median").GetDecimal());
        Assert.Equal(5000m, price.GetProperty("p75").GetDecimal());
        Assert.Equal(100m, report.GetProperty("quality").GetProperty("goodOrOutstandingPercent").GetDecimal());
        Assert.Equal(100m, report.GetProperty("locality").GetProperty("within20MilesPercent").GetDecimal());
        var unmet = report.GetProperty("unmetNeeds").EnumerateArray().ToList();
        var autism = unmet.Single(u => u.GetProperty("need").GetString() == "Autism");
        Assert.Equal(3, autism.GetProperty("referrals").GetInt32());
        Assert.Equal(1, autism.GetProperty("placed").GetInt32());
    }

    [Fact]
    public async Task Sufficiency_PeriodBeforeTheMarket_CountsNothing()
    {
        var (dps, commissioner) = await MarketAsync();

        var report = await (await commissioner.GetAsync($"/api/sufficiency?from=2026-01-01&to=2026-10-31&lotId={dps.LotId}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(0, report.GetProperty("demand").GetProperty("referrals").GetInt32());
        Assert.Equal(0, report.GetProperty("outcomes").GetProperty("placed").GetInt32());
    }

    [Fact]
    public async Task Sufficiency_AcceptCsv_ReturnsTheFiguresAsCsv()
    {
        var (dps, commissioner) = await MarketAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sufficiency?from=2026-11-01&to=2026-11-30&lotId={dps.LotId}");
        request.Headers.Accept.ParseAdd("text/csv");

        var response = await commissioner.SendAsync(request);
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("section,measure,label,value\n", csv);
        Assert.Contains("demand,referrals,Referrals,3\n", csv);
        Assert.Contains("price,acceptedWeeklyPrice.median,\"Accepted weekly price, median\",5000", csv);
    }

    [Fact]
    public async Task Sufficiency_OnlyCommissionersAndOnlyTheirOwnData()
    {
        var (dps, _) = await MarketAsync();
        using var stranger = await app.Data.ClientForAsync(Role.Commissioner);
        using var officer = await app.Data.ClientForAsync(Role.PlacingOfficer);
        using var provider = await app.Data.ClientForAsync(Role.ProviderUser);

        await (await officer.GetAsync("/api/sufficiency")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await provider.GetAsync("/api/sufficiency")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.GetAsync($"/api/sufficiency?lotId={dps.LotId}")).AssertValidationProblemAsync("lotId");
        var theirs = await (await stranger.GetAsync("/api/sufficiency?from=2026-11-01&to=2026-11-30")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, theirs.GetProperty("demand").GetProperty("referrals").GetInt32());
        await (await stranger.GetAsync("/api/sufficiency?scope=dps")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await stranger.GetAsync("/api/sufficiency?from=yesterday")).AssertValidationProblemAsync("from");
    }

    [Fact]
    public async Task PriceDisparity_OneProviderChargingTwoAuthoritiesDifferently_IsShownForTheDps()
    {
        var (dps, provider) = await PriceDisparityMarket.CreateAsync(app);
        using var lead = await app.Data.ClientForAsync(dps.Commissioner);

        var report = await (await lead.GetAsync($"/api/sufficiency?from=2026-11-01&to=2026-11-30&scope=dps")).ReadJsonAsync(HttpStatusCode.OK);

        var disparity = report.GetProperty("priceDisparities").EnumerateArray().Single();
        Assert.Equal(provider.Name, disparity.GetProperty("provider").GetString());
        Assert.Equal(4000m, disparity.GetProperty("lowestMedian").GetDecimal());
        Assert.Equal(5000m, disparity.GetProperty("highestMedian").GetDecimal());
        Assert.Equal(25m, disparity.GetProperty("spreadPercent").GetDecimal());
        Assert.Equal(2, disparity.GetProperty("authorities").GetArrayLength());
    }

    [Fact]
    public async Task Performance_ScorecardCountsResponsesOffersAndPlacements()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps);
        var first = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var second = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created);
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{first}/offers", new { vacancyId, weeklyPrice = 5000 })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString();
        await (await providerClient.PostAsJsonAsync($"/api/referrals/{second}/decline", new { reason = "NoSuitableVacancy" })).ReadJsonAsync(HttpStatusCode.OK);
        await (await officerClient.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created);
        using var commissioner = await app.Data.ClientForAsync(dps.Commissioner);
        using var stranger = await app.Data.ClientForAsync(Role.Commissioner);

        var card = (await (await commissioner.GetAsync($"/api/provider-performance?providerId={provider.Id}")).ReadJsonAsync(HttpStatusCode.OK))[0];
        var own = (await (await providerClient.GetAsync("/api/provider-performance")).ReadJsonAsync(HttpStatusCode.OK))[0];

        Assert.Equal(3, card.GetProperty("referralsReceived").GetInt32());
        Assert.Equal(2, card.GetProperty("responded").GetInt32());
        Assert.Equal(66.7m, card.GetProperty("responseRatePercent").GetDecimal());
        Assert.Equal(1, card.GetProperty("offers").GetInt32());
        Assert.Equal(100m, card.GetProperty("acceptanceRatePercent").GetDecimal());
        Assert.Equal(1, card.GetProperty("placements").GetInt32());
        Assert.Equal(card.GetRawText(), own.GetRawText());
        await (await stranger.GetAsync($"/api/provider-performance?providerId={provider.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await providerClient.GetAsync($"/api/provider-performance?providerId={Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        using var officerOnly = await app.Data.ClientForAsync(Role.PlacingOfficer);
        await (await officerOnly.GetAsync("/api/provider-performance")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Sufficiency_DpsScope_IncludesParticipatingAuthorities()
    {
        var participantAuthority = await app.Data.CreateLocalAuthorityAsync();
        var dps = await app.Data.CreateDpsAsync(participants: [participantAuthority.Id]);
        var participantOfficer = await app.Data.CreateUserAsync(Role.PlacingOfficer, participantAuthority.Id);
        using (var officerClient = await app.Data.ClientForAsync(participantOfficer))
        {
            await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created);
        }
        using var lead = await app.Data.ClientForAsync(dps.Commissioner);

        var own = await (await lead.GetAsync($"/api/sufficiency?from=2026-11-01&to=2026-11-30&lotId={dps.LotId}")).ReadJsonAsync(HttpStatusCode.OK);
        var wide = await (await lead.GetAsync($"/api/sufficiency?from=2026-11-01&to=2026-11-30&lotId={dps.LotId}&scope=dps")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(0, own.GetProperty("demand").GetProperty("referrals").GetInt32());
        Assert.Equal(1, wide.GetProperty("demand").GetProperty("referrals").GetInt32());
    }
}

public class SufficiencyApiSqliteTests(SqliteApp app) : SufficiencyApiTests(app), IClassFixture<SqliteApp>;

public class SufficiencyApiServerTests(ServerApp app) : SufficiencyApiTests(app), IClassFixture<ServerApp>;

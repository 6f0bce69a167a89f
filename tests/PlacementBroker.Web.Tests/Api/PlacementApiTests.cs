using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Referrals;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>Accepting offers, approvals for exceptions, spot and block placements, ending them; capacity under a race.</summary>
public abstract class PlacementApiTests(PlacementBrokerApp app)
{
    private sealed record Scene(TestDps Dps, TestUser Officer, HttpClient OfficerClient, TestProvider Provider, Guid VacancyId, string ReferralId, string OfferId);

    private async Task<Scene> OfferMadeAsync(OfstedGrade grade = OfstedGrade.Good, decimal price = 5000m, TestDps? dps = null)
    {
        dps ??= await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var officerClient = await app.Data.ClientForAsync(officer);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, grade: grade);
        var referralId = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = price }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        return new Scene(dps, officer, officerClient, provider, vacancyId, referralId, offerId);
    }

    [Fact]
    public async Task Accept_PlainOffer_MakesASpotPlacementAndClosesTheReferral()
    {
        var scene = await OfferMadeAsync();

        var accepted = await (await scene.OfficerClient.PostAsJsonAsync($"/api/offers/{scene.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("Active", accepted.GetProperty("status").GetString());
        var placementId = accepted.GetProperty("placementId").GetString();
        var referral = await (await scene.OfficerClient.GetAsync($"/api/referrals/{scene.ReferralId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Placed", referral.GetProperty("status").GetString());
        using var providerClient = await app.Data.ClientForAsync(scene.Provider.User);
        var vacancy = await (await providerClient.GetAsync($"/api/vacancies/{scene.VacancyId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Filled", vacancy.GetProperty("status").GetString());
        // The placed provider now sees who the child is.
        var placement = await (await providerClient.GetAsync($"/api/placements/{placementId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Amelia", placement.GetProperty("child").GetProperty("firstName").GetString());
        Assert.Equal("Spot", placement.GetProperty("kind").GetString());
        Assert.Equal(5000m, placement.GetProperty("weeklyPrice").GetDecimal());
    }

    [Fact]
    public async Task Accept_InadequateHome_WaitsForAManagerWhoApproves()
    {
        var scene = await OfferMadeAsync(OfstedGrade.Inadequate);
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, scene.Officer.LocalAuthorityId);
        using var managerClient = await app.Data.ClientForAsync(manager);

        var pending = await (await scene.OfficerClient.PostAsJsonAsync($"/api/offers/{scene.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Accepted);

        Assert.Equal("PendingApproval", pending.GetProperty("status").GetString());
        Assert.Contains(pending.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("Inadequate"));
        var approvalId = pending.GetProperty("approvalId").GetString();
        using (var providerClient = await app.Data.ClientForAsync(scene.Provider.User))
        {
            Assert.Equal("Held", (await (await providerClient.GetAsync($"/api/vacancies/{scene.VacancyId}")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        }
        await (await scene.OfficerClient.PostAsJsonAsync($"/api/approvals/{approvalId}/decision", new { decision = "Approve", reason = "x" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await managerClient.PostAsJsonAsync($"/api/approvals/{approvalId}/decision", new { decision = "Approve" })).AssertValidationProblemAsync("reason");

        var approved = await (await managerClient.PostAsJsonAsync($"/api/approvals/{approvalId}/decision",
            new { decision = "Approve", reason = "Visited last week; Ofsted monitoring shows improvement" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.True(Guid.TryParse(approved.GetProperty("placementId").GetString(), out _));
        await (await managerClient.PostAsJsonAsync($"/api/approvals/{approvalId}/decision", new { decision = "Reject", reason = "late" })).AssertProblemAsync(HttpStatusCode.Conflict);
        var approvals = await (await managerClient.GetAsync("/api/approvals?status=Approved")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(approvals.EnumerateArray(), a => a.GetProperty("id").GetString() == approvalId);
    }

    [Fact]
    public async Task Accept_PriceAboveTheUpperQuartileForTheChildsBandInTheSettingsRegion_NeedsApproval()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var officerClient = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));
        var inNorthWest = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        var inYorkshire = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(inNorthWest, dps);
        await app.Data.ApplyAsync(inYorkshire, dps);
        // Both homes stand near the child's Leeds home; the Manchester postcode files the first under the North West.
        var northWestSetting = await app.Data.CreateSettingAsync(inNorthWest, places: 12, postcode: "M1 1AE");
        var yorkshireSetting = await app.Data.CreateSettingAsync(inYorkshire, places: 12);
        async Task<(string ReferralId, string OfferId)> OfferAsync(TestProvider provider, Guid settingId, decimal price)
        {
            var vacancyId = await app.Data.CreateVacancyAsync(provider, settingId, dps.LotId, price);
            var referralId = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
                .GetProperty("id").GetString()!;
            using var providerClient = await app.Data.ClientForAsync(provider.User);
            var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = price }))
                .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
            return (referralId, offerId);
        }
        // The lot's history: ten children with complex needs (the referral's three needs include self-harm) placed in
        // Yorkshire at £5,000 a week, then ten in the North West at £4,000. Each is within the lot's £5,200 ceiling.
        foreach (var (provider, settingId, price) in Enumerable.Repeat((inYorkshire, yorkshireSetting, 5000m), 10).Concat(Enumerable.Repeat((inNorthWest, northWestSetting, 4000m), 10)))
        {
            var (_, offerId) = await OfferAsync(provider, settingId, price);
            await (await officerClient.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created);
        }

        var (referralId, northWestOffer) = await OfferAsync(inNorthWest, northWestSetting, 4500m);
        var yorkshireVacancy = await app.Data.CreateVacancyAsync(inYorkshire, yorkshireSetting, dps.LotId, 4500m);
        using (var providerClient = await app.Data.ClientForAsync(inYorkshire.User))
        {
            await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId = yorkshireVacancy, weeklyPrice = 4500m })).ReadJsonAsync(HttpStatusCode.Created);
        }

        var offers = (await (await officerClient.GetAsync($"/api/referrals/{referralId}/offers")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        var yorkshire = offers.Single(o => o.GetProperty("providerId").GetGuid() == inYorkshire.Id);
        var northWest = offers.Single(o => o.GetProperty("providerId").GetGuid() == inNorthWest.Id);
        Assert.False(yorkshire.GetProperty("requiresApproval").GetBoolean());
        Assert.True(northWest.GetProperty("requiresApproval").GetBoolean());
        Assert.Equal(["£4,500 a week is above the upper quartile for complex needs in the North West of £4,000"],
            northWest.GetProperty("approvalReasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(1, yorkshire.GetProperty("rank").GetInt32());
        var pending = await (await officerClient.PostAsJsonAsync($"/api/offers/{northWestOffer}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Accepted);
        Assert.Contains(pending.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("complex needs in the North West"));
    }

    [Fact]
    public async Task Approval_Rejected_PutsThePlaceBackOnOffer()
    {
        var scene = await OfferMadeAsync(OfstedGrade.RequiresImprovement);
        using var managerClient = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.PlacementManager, scene.Officer.LocalAuthorityId));
        var approvalId = (await (await scene.OfficerClient.PostAsJsonAsync($"/api/offers/{scene.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Accepted))
            .GetProperty("approvalId").GetString();

        var rejected = await (await managerClient.PostAsJsonAsync($"/api/approvals/{approvalId}/decision", new { decision = "Reject", reason = "Recent safeguarding concerns" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        using var providerClient = await app.Data.ClientForAsync(scene.Provider.User);
        Assert.Equal("Open", (await (await providerClient.GetAsync($"/api/vacancies/{scene.VacancyId}")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        var offers = await (await scene.OfficerClient.GetAsync($"/api/referrals/{scene.ReferralId}/offers")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Rejected", offers[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Approval_OfferWithdrawnMeanwhile_IsClosedAndCannotBeApproved()
    {
        var scene = await OfferMadeAsync(OfstedGrade.Inadequate);
        using var managerClient = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.PlacementManager, scene.Officer.LocalAuthorityId));
        var approvalId = (await (await scene.OfficerClient.PostAsJsonAsync($"/api/offers/{scene.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Accepted))
            .GetProperty("approvalId").GetString();
        using (var providerClient = await app.Data.ClientForAsync(scene.Provider.User))
        {
            await (await providerClient.PostAsync($"/api/offers/{scene.OfferId}/withdraw", null)).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal("Open", (await (await providerClient.GetAsync($"/api/vacancies/{scene.VacancyId}")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        }

        await (await managerClient.PostAsJsonAsync($"/api/approvals/{approvalId}/decision", new { decision = "Approve", reason = "Too late" })).AssertProblemAsync(HttpStatusCode.Conflict);

        var approvals = await (await managerClient.GetAsync("/api/approvals?status=Rejected")).ReadJsonAsync(HttpStatusCode.OK);
        var closed = approvals.EnumerateArray().Single(a => a.GetProperty("id").GetString() == approvalId);
        Assert.Equal("The provider withdrew the offer", closed.GetProperty("decisionReason").GetString());
    }

    [Fact]
    public async Task Approval_AnotherAuthoritysManager_Is404()
    {
        var scene = await OfferMadeAsync(OfstedGrade.Inadequate);
        var approvalId = (await (await scene.OfficerClient.PostAsJsonAsync($"/api/offers/{scene.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Accepted))
            .GetProperty("approvalId").GetString();
        using var stranger = await app.Data.ClientForAsync(Role.PlacementManager);

        await (await stranger.PostAsJsonAsync($"/api/approvals/{approvalId}/decision", new { decision = "Approve", reason = "mine" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Accept_WrongStatesAndOtherTenants_AreRefused()
    {
        var scene = await OfferMadeAsync();
        using var stranger = await app.Data.ClientForAsync(Role.PlacingOfficer);
        using var providerClient = await app.Data.ClientForAsync(scene.Provider.User);

        await (await stranger.PostAsJsonAsync($"/api/offers/{scene.OfferId}/accept", new { kind = "Spot" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await providerClient.PostAsJsonAsync($"/api/offers/{scene.OfferId}/accept", new { kind = "Spot" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await scene.OfficerClient.PostAsJsonAsync($"/api/offers/{scene.OfferId}/accept", new { kind = "Sometimes" })).AssertValidationProblemAsync("kind");
        await (await scene.OfficerClient.PostAsJsonAsync($"/api/offers/{scene.OfferId}/accept", new { kind = "Block" })).AssertValidationProblemAsync("blockContractId");
        await (await providerClient.PostAsync($"/api/offers/{scene.OfferId}/withdraw", null)).ReadJsonAsync(HttpStatusCode.OK);

        await (await scene.OfficerClient.PostAsJsonAsync($"/api/offers/{scene.OfferId}/accept", new { kind = "Spot" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Accept_TwentyOfficersRaceForTheLastPlace_ExactlyOnePlacement()
    {
        var dps = await app.Data.CreateDpsAsync();
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps);
        var officer = await app.Data.OfficerForAsync(dps);
        using var officerClient = await app.Data.ClientForAsync(officer);
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var offers = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var referralId = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
                .GetProperty("id").GetString();
            offers.Add((await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = 5000 }))
                .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!);
        }
        var clients = new List<HttpClient>();
        for (var i = 0; i < 20; i++)
        {
            clients.Add(await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.PlacingOfficer, officer.LocalAuthorityId)));
        }
        // Every officer's accept goes to its own referral's offer on the same single place.
        var accept = clients.Select((c, i) => c.PostAsJsonAsync($"/api/offers/{offers[i]}/accept", new { kind = "Spot" })).ToList();

        var responses = await Task.WhenAll(accept);

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        }
        var placements = await (await providerClient.GetAsync("/api/placements?status=Active")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Single(placements.EnumerateArray());
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Block_SuggestedFirstAndAcceptedAtTheContractPrice_ThenFull()
    {
        var dps = await app.Data.CreateDpsAsync();
        var scene = await OfferMadeAsync(dps: dps);
        using var commissioner = await app.Data.ClientForAsync(dps.Commissioner);
        await (await commissioner.PostAsJsonAsync("/api/block-contracts", new { providerId = scene.Provider.Id, places = 0 }))
            .AssertValidationProblemAsync("lotId", "places", "weeklyPricePerPlace", "startDate", "endDate");
        var blockId = (await (await commissioner.PostAsJsonAsync("/api/block-contracts", new
        {
            providerId = scene.Provider.Id, lotId = dps.LotId, places = 1, weeklyPricePerPlace = 4750.00, startDate = "2026-04-01", endDate = "2027-03-31",
        })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        var offers = await (await scene.OfficerClient.GetAsync($"/api/referrals/{scene.ReferralId}/offers")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(blockId, offers[0].GetProperty("suggestedBlockContractId").GetString());
        var placed = await (await scene.OfficerClient.PostAsJsonAsync($"/api/offers/{scene.OfferId}/accept", new { kind = "Block", blockContractId = blockId }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var placement = await (await scene.OfficerClient.GetAsync($"/api/placements/{placed.GetProperty("placementId").GetString()}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Block", placement.GetProperty("kind").GetString());
        Assert.Equal(4750m, placement.GetProperty("weeklyPrice").GetDecimal());
        var contracts = await (await commissioner.GetAsync("/api/block-contracts")).ReadJsonAsync(HttpStatusCode.OK);
        var contract = contracts.EnumerateArray().Single(c => c.GetProperty("id").GetString() == blockId);
        Assert.Equal(1, contract.GetProperty("occupied").GetInt32());
        Assert.Equal(0, contract.GetProperty("voidPlaces").GetInt32());
        Assert.Equal(100m, contract.GetProperty("occupancyPercent").GetDecimal());

        var another = await OfferMadeAsync(dps: dps);
        await (await another.OfficerClient.PostAsJsonAsync($"/api/offers/{another.OfferId}/accept", new { kind = "Block", blockContractId = blockId }))
            .AssertValidationProblemAsync("blockContractId");
    }

    [Fact]
    public async Task BlockContract_WrongRoleIs403()
    {
        using var officer = await app.Data.ClientForAsync(Role.PlacingOfficer);

        await (await officer.PostAsJsonAsync("/api/block-contracts", new { places = 1 })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task End_ReturnsThePlaceAndKeepsTheHistory()
    {
        var scene = await OfferMadeAsync();
        var placementId = (await (await scene.OfficerClient.PostAsJsonAsync($"/api/offers/{scene.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("placementId").GetString();
        using var providerClient = await app.Data.ClientForAsync(scene.Provider.User);
        using var stranger = await app.Data.ClientForAsync(Role.PlacingOfficer);

        await (await scene.OfficerClient.PostAsJsonAsync($"/api/placements/{placementId}/end", new { endDate = "2020-01-01", reason = "Whim" }))
            .AssertValidationProblemAsync("reason");
        await (await scene.OfficerClient.PostAsJsonAsync($"/api/placements/{placementId}/end", new { endDate = "2020-01-01", reason = "PlannedMove" }))
            .AssertValidationProblemAsync("endDate");
        await (await stranger.PostAsJsonAsync($"/api/placements/{placementId}/end", new { endDate = "2026-12-20", reason = "PlannedMove" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await providerClient.PostAsJsonAsync($"/api/placements/{placementId}/end", new { endDate = "2026-12-20", reason = "PlannedMove" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        // Called off on the day it was to start: it never began, so the place is free at once.
        var ended = await (await scene.OfficerClient.PostAsJsonAsync($"/api/placements/{placementId}/end", new { endDate = "2026-11-30", reason = "ReturnedHome" }))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Ended", ended.GetProperty("status").GetString());
        Assert.Equal("ReturnedHome", ended.GetProperty("endReason").GetString());
        var vacancy = await (await providerClient.GetAsync($"/api/vacancies/{scene.VacancyId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Open", vacancy.GetProperty("status").GetString());
        Assert.Equal(1, vacancy.GetProperty("places").GetInt32());
        await (await scene.OfficerClient.PostAsJsonAsync($"/api/placements/{placementId}/end", new { endDate = "2026-12-21", reason = "Other" })).AssertProblemAsync(HttpStatusCode.Conflict);
        var history = await (await scene.OfficerClient.GetAsync("/api/placements?status=Ended")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(history.EnumerateArray(), p => p.GetProperty("id").GetString() == placementId);
    }

    [Fact]
    public async Task Placements_EachSideSeesOnlyItsOwn()
    {
        var scene = await OfferMadeAsync();
        var placementId = (await (await scene.OfficerClient.PostAsJsonAsync($"/api/offers/{scene.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("placementId").GetString();
        using var stranger = await app.Data.ClientForAsync(Role.PlacingOfficer);
        using var otherProvider = await app.Data.ClientForAsync(Role.ProviderUser);

        Assert.Empty((await (await stranger.GetAsync("/api/placements")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Empty((await (await otherProvider.GetAsync("/api/placements")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        await (await stranger.GetAsync($"/api/placements/{placementId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherProvider.GetAsync($"/api/placements/{placementId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await scene.OfficerClient.GetAsync("/api/placements?status=Sideways")).AssertValidationProblemAsync("status");
    }
}

public class PlacementApiSqliteTests(SqliteApp app) : PlacementApiTests(app), IClassFixture<SqliteApp>;

public class PlacementApiServerTests(ServerApp app) : PlacementApiTests(app), IClassFixture<ServerApp>;

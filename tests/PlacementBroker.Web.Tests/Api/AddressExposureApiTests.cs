using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Placements;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>
/// Least exposure: a setting's full postcode and coordinates only for its own provider and a council with a child placed
/// there now; a child's case reference only where identity may be read, and each such read audited.
/// </summary>
public abstract class AddressExposureApiTests(PlacementBrokerApp app)
{
    private sealed record Scene(TestDps Dps, TestUser Officer, HttpClient OfficerClient, TestProvider Provider, Guid SettingId, string ReferralId,
        string OfferId, string Reference)
    {
        public (TestProvider Provider, Guid VacancyId)? Rival { get; init; }
    }

    private async Task<Scene> OfferMadeAsync(string postcode = "M14 5AB", bool withRival = false)
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var officerClient = await app.Data.ClientForAsync(officer);
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(provider, dps);
        var settingId = await app.Data.CreateSettingAsync(provider, postcode: postcode);
        var vacancyId = await app.Data.CreateVacancyAsync(provider, settingId, dps.LotId);
        (TestProvider, Guid)? rival = withRival ? await app.Data.FittingProviderAsync(dps) : null;
        var body = app.Data.ReferralBody(dps.LotId);
        var reference = (string)((Dictionary<string, object?>)body["child"]!)["reference"]!;
        var referralId = (await (await officerClient.PostAsJsonAsync("/api/referrals", body)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = 5000m }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        return new Scene(dps, officer, officerClient, provider, settingId, referralId, offerId, reference) { Rival = rival };
    }

    private static JsonElement Setting(JsonElement list, Guid id) => list.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == id);

    private async Task<string> PlaceAsync(Scene scene) =>
        (await (await scene.OfficerClient.PostAsJsonAsync($"/api/offers/{scene.OfferId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("placementId").GetString()!;

    [Fact]
    public async Task Settings_OwnProviderSeesTheFullPostcode_AnotherCouncilAndThePlatformOnlyTheDistrict()
    {
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        var settingId = await app.Data.CreateSettingAsync(provider, postcode: "M14 5AB");
        using var own = await app.Data.ClientForAsync(provider.User);
        using var officer = await app.Data.ClientForAsync(Role.PlacingOfficer);
        using var commissioner = await app.Data.ClientForAsync(Role.Commissioner);
        using var admin = await app.Data.AdminClientAsync();
        using var otherProvider = await app.Data.ClientForAsync(Role.ProviderUser);

        var mine = Setting(await (await own.GetAsync($"/api/providers/{provider.Id}/settings")).ReadJsonAsync(HttpStatusCode.OK), settingId);
        Assert.Equal("M14 5AB", mine.GetProperty("postcode").GetString());
        Assert.False(mine.GetProperty("postcodeIsDistrict").GetBoolean());
        Assert.True(mine.TryGetProperty("latitude", out _));

        foreach (var client in new[] { officer, commissioner, admin })
        {
            var response = await client.GetAsync($"/api/providers/{provider.Id}/settings");
            var raw = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var seen = Setting(JsonDocument.Parse(raw).RootElement, settingId);
            Assert.Equal("M14", seen.GetProperty("postcode").GetString());
            Assert.True(seen.GetProperty("postcodeIsDistrict").GetBoolean());
            Assert.DoesNotContain("5AB", raw);
            Assert.DoesNotContain("latitude", raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("longitude", raw, StringComparison.OrdinalIgnoreCase);
        }
        // Another provider cannot list them at all.
        await (await otherProvider.GetAsync($"/api/providers/{provider.Id}/settings")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Placement_ThePlacingCouncilSeesTheFullPostcodeWhileTheChildLivesThere_AnotherCouncilTheDistrict()
    {
        var scene = await OfferMadeAsync();
        var placementId = await PlaceAsync(scene);
        var commissionerOfPlacingCouncil = await app.Data.CreateUserAsync(Role.Commissioner, scene.Officer.LocalAuthorityId);
        using var sameCouncil = await app.Data.ClientForAsync(commissionerOfPlacingCouncil);
        using var otherCouncil = await app.Data.ClientForAsync(Role.PlacingOfficer);

        var placement = await (await scene.OfficerClient.GetAsync($"/api/placements/{placementId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("M14 5AB", placement.GetProperty("settingPostcode").GetString());
        Assert.False(placement.GetProperty("settingPostcodeIsDistrict").GetBoolean());
        Assert.Equal("M14 5AB", Setting(await (await scene.OfficerClient.GetAsync($"/api/providers/{scene.Provider.Id}/settings")).ReadJsonAsync(HttpStatusCode.OK),
            scene.SettingId).GetProperty("postcode").GetString());
        Assert.Equal("M14 5AB", Setting(await (await sameCouncil.GetAsync($"/api/providers/{scene.Provider.Id}/settings")).ReadJsonAsync(HttpStatusCode.OK),
            scene.SettingId).GetProperty("postcode").GetString());
        var stranger = await (await otherCouncil.GetAsync($"/api/providers/{scene.Provider.Id}/settings")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("M14 5AB", stranger);
        Assert.Contains("\"M14\"", stranger);
        Assert.DoesNotContain("latitude", stranger, StringComparison.OrdinalIgnoreCase);
        await (await otherCouncil.GetAsync($"/api/placements/{placementId}")).AssertProblemAsync(HttpStatusCode.NotFound);

        // Once the child has left, the placing council sees the district like everyone else.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            await db.Placements.Where(p => p.Id == Guid.Parse(placementId)).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PlacementStatus.Ended));
        }
        var ended = await (await scene.OfficerClient.GetAsync($"/api/placements/{placementId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("M14", ended.GetProperty("settingPostcode").GetString());
        Assert.True(ended.GetProperty("settingPostcodeIsDistrict").GetBoolean());
        // The provider always sees its own.
        using var providerClient = await app.Data.ClientForAsync(scene.Provider.User);
        Assert.Equal("M14 5AB", (await (await providerClient.GetAsync($"/api/placements/{placementId}")).ReadJsonAsync(HttpStatusCode.OK))
            .GetProperty("settingPostcode").GetString());
    }

    [Fact]
    public async Task MatchesAndOffers_ShowOnlyTheDistrict_EvenToThePlacingCouncilBeforeAPlacement()
    {
        var scene = await OfferMadeAsync();

        var matches = await (await scene.OfficerClient.GetAsync($"/api/referrals/{scene.ReferralId}/matches")).Content.ReadAsStringAsync();
        var offers = await (await scene.OfficerClient.GetAsync($"/api/referrals/{scene.ReferralId}/offers")).Content.ReadAsStringAsync();

        Assert.Contains("\"M14\"", matches);
        foreach (var raw in new[] { matches, offers })
        {
            Assert.DoesNotContain("M14 5AB", raw);
            Assert.DoesNotContain("latitude", raw, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task CaseReference_NeverReachesAProviderWhoseOfferIsNotAccepted()
    {
        var scene = await OfferMadeAsync(withRival: true);
        // A rival offers too and is not chosen.
        var (rival, rivalVacancy) = scene.Rival!.Value;
        using var rivalClient = await app.Data.ClientForAsync(rival.User);
        await (await rivalClient.PostAsJsonAsync($"/api/referrals/{scene.ReferralId}/offers", new { vacancyId = rivalVacancy, weeklyPrice = 5100m }))
            .ReadJsonAsync(HttpStatusCode.Created);
        using var chosenClient = await app.Data.ClientForAsync(scene.Provider.User);

        async Task AssertNoReferenceAsync(HttpClient client)
        {
            foreach (var path in new[] { "/api/provider/referrals", $"/api/provider/referrals/{scene.ReferralId}", "/api/placements", "/api/vacancies" })
            {
                var response = await client.GetAsync(path);
                var raw = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
                Assert.DoesNotContain(scene.Reference, raw);
                Assert.DoesNotContain("Hartley-Testcase", raw);
                Assert.DoesNotContain("2012-05-17", raw);
            }
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/referrals")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/referrals/{scene.ReferralId}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/approvals")).StatusCode);
        }

        // Before acceptance, neither provider sees who the child is.
        await AssertNoReferenceAsync(chosenClient);
        await AssertNoReferenceAsync(rivalClient);

        var placementId = await PlaceAsync(scene);

        // After it, the rival still does not; the chosen provider does, and that read is audited.
        await AssertNoReferenceAsync(rivalClient);
        await (await rivalClient.GetAsync($"/api/placements/{placementId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var placement = await (await chosenClient.GetAsync($"/api/placements/{placementId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(scene.Reference, placement.GetProperty("child").GetProperty("reference").GetString());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == IdentityReads.Placement && e.EntityId == placementId && e.ActorUserId == scene.Provider.User.Id));
    }

    [Fact]
    public async Task ReferralList_ShowsCaseReferences_AndEveryListIsAudited()
    {
        var scene = await OfferMadeAsync();

        var listed = await (await scene.OfficerClient.GetAsync("/api/referrals")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Contains(listed.EnumerateArray(), r => r.GetProperty("childReference").GetString() == scene.Reference);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var audit = await db.AuditEvents.Where(e => e.Action == IdentityReads.ReferralList && e.ActorUserId == scene.Officer.Id).ToListAsync();
        Assert.Contains(audit, e => e.Detail!.Contains(scene.ReferralId));
    }
}

public class AddressExposureApiSqliteTests(SqliteApp app) : AddressExposureApiTests(app), IClassFixture<SqliteApp>;

public class AddressExposureApiServerTests(ServerApp app) : AddressExposureApiTests(app), IClassFixture<ServerApp>;

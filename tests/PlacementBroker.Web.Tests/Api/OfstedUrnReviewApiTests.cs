using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>
/// The Ofsted register's integrity: a URN claimed by a second provider, or disagreeing with the imported register, waits
/// for a platform admin; a grade better than the register's is shown as declared, not yet confirmed, and not ranked.
/// </summary>
public abstract class OfstedUrnReviewApiTests(PlacementBrokerApp app)
{
    private static int _urn = Random.Shared.Next(500_000, 900_000);

    private static string NewUrn() => $"SC{Interlocked.Increment(ref _urn)}";

    private static object SettingBody(string urn, string name = "Oak House", string grade = "Good") => new
    {
        name, ofstedUrn = urn, postcode = "LS6 2AB", latitude = 53.8196, longitude = -1.5767, ofstedGrade = grade,
        lastInspectionDate = "2026-03-01", registeredPlaces = 3,
    };

    private static async Task<Guid> AddAsync(HttpClient client, TestProvider provider, object body) =>
        (await (await client.PostAsJsonAsync($"/api/providers/{provider.Id}/settings", body)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<JsonElement> SettingAsync(HttpClient client, TestProvider provider, Guid id) =>
        (await (await client.GetAsync($"/api/providers/{provider.Id}/settings")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Single(s => s.GetProperty("id").GetGuid() == id);

    private async Task ImportAsync(string csv)
    {
        using var admin = await app.Data.AdminClientAsync();
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        await (await admin.PostAsync("/api/ofsted/import", content)).ReadJsonAsync(HttpStatusCode.OK);
    }

    private async Task<HttpStatusCode> PublishAsync(HttpClient client, Guid settingId, Guid lotId) =>
        (await client.PostAsJsonAsync("/api/vacancies", new
        {
            settingId, lotId, places = 1, ageMin = 10, ageMax = 17, genders = new[] { "Female" }, needsMet = new[] { "EmotionalBehavioural" },
            weeklyPrice = 5000m, availableFrom = "2026-11-23",
        })).StatusCode;

    [Fact]
    public async Task SecondClaimant_IsHeldForReview_FirstIsUnaffected_AndOnlyThePlatformDecides()
    {
        var dps = await app.Data.CreateDpsAsync();
        var first = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        var second = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(first, dps);
        await app.Data.ApplyAsync(second, dps);
        using var firstClient = await app.Data.ClientForAsync(first.User);
        using var secondClient = await app.Data.ClientForAsync(second.User);
        using var admin = await app.Data.AdminClientAsync();
        var urn = NewUrn();

        var firstId = await AddAsync(firstClient, first, SettingBody(urn));
        var secondId = await AddAsync(secondClient, second, SettingBody(urn, "Oak House Too"));

        Assert.Equal("Approved", (await SettingAsync(firstClient, first, firstId)).GetProperty("reviewStatus").GetString());
        var held = await SettingAsync(secondClient, second, secondId);
        Assert.Equal("AwaitingReview", held.GetProperty("reviewStatus").GetString());
        Assert.Contains("already registered by another provider", held.GetProperty("reviewReason").GetString());
        Assert.Equal(HttpStatusCode.Created, await PublishAsync(firstClient, firstId, dps.LotId));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await PublishAsync(secondClient, secondId, dps.LotId));
        // The same provider twice is still a conflict.
        await (await firstClient.PostAsJsonAsync($"/api/providers/{first.Id}/settings", SettingBody(urn))).AssertProblemAsync(HttpStatusCode.Conflict);

        var queue = await (await admin.GetAsync("/api/admin/setting-reviews")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(queue.EnumerateArray(), r => r.GetProperty("id").GetGuid() == secondId);
        Assert.DoesNotContain(queue.EnumerateArray(), r => r.GetProperty("id").GetGuid() == firstId);

        // Neither provider, nor a council, can decide.
        using var commissioner = await app.Data.ClientForAsync(dps.Commissioner);
        foreach (var client in new[] { firstClient, secondClient, commissioner })
        {
            await (await client.PostAsJsonAsync($"/api/admin/setting-reviews/{secondId}/decision", new { decision = "Approve" })).AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/setting-reviews")).StatusCode);
        }
        await (await admin.PostAsJsonAsync($"/api/admin/setting-reviews/{secondId}/decision", new { decision = "Reject" })).AssertValidationProblemAsync("reason");

        await (await admin.PostAsJsonAsync($"/api/admin/setting-reviews/{secondId}/decision",
            new { decision = "Reject", reason = "Ofsted confirms the URN belongs to the first provider" })).ReadJsonAsync(HttpStatusCode.OK);

        var rejected = await SettingAsync(secondClient, second, secondId);
        Assert.Equal("Rejected", rejected.GetProperty("reviewStatus").GetString());
        Assert.Equal("Ofsted confirms the URN belongs to the first provider", rejected.GetProperty("reviewReason").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await PublishAsync(secondClient, secondId, dps.LotId));
        await (await admin.PostAsJsonAsync($"/api/admin/setting-reviews/{secondId}/decision", new { decision = "Approve" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Approved", (await SettingAsync(firstClient, first, firstId)).GetProperty("reviewStatus").GetString());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "SettingReviewRejected" && e.EntityId == secondId.ToString()));
    }

    [Fact]
    public async Task TwoProvidersClaimingOneUrnAtOnce_AtMostOneIsApprovedWithoutReview()
    {
        for (var round = 0; round < 3; round++)
        {
            var urn = NewUrn();
            var providers = new[] { await app.Data.CreateProviderAsync(), await app.Data.CreateProviderAsync(), await app.Data.CreateProviderAsync() };
            var clients = new List<HttpClient>();
            foreach (var p in providers)
            {
                clients.Add(await app.Data.ClientForAsync(p.User));
            }

            var responses = await Task.WhenAll(providers.Select((p, i) => clients[i].PostAsJsonAsync($"/api/providers/{p.Id}/settings", SettingBody(urn, $"Claim {i}"))));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            var statuses = await db.Settings.Where(s => s.OfstedUrn == urn).Select(s => s.ReviewStatus).ToListAsync();
            Assert.Equal(3, statuses.Count);
            Assert.True(statuses.Count(s => s == Core.Providers.SettingReviewStatus.Approved) <= 1, string.Join(", ", statuses));
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task HeldSetting_IsNotMatched_UntilApproved()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));
        var (first, _) = await app.Data.FittingProviderAsync(dps);
        var firstSetting = (await (await (await app.Data.ClientForAsync(first.User)).GetAsync($"/api/providers/{first.Id}/settings"))
            .ReadJsonAsync(HttpStatusCode.OK))[0];
        var second = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(second, dps);
        using var secondClient = await app.Data.ClientForAsync(second.User);
        using var admin = await app.Data.AdminClientAsync();
        var heldId = await AddAsync(secondClient, second, SettingBody(firstSetting.GetProperty("ofstedUrn").GetString()!));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await PublishAsync(secondClient, heldId, dps.LotId));

        await (await admin.PostAsJsonAsync($"/api/admin/setting-reviews/{heldId}/decision", new { decision = "Approve" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Approved", (await SettingAsync(secondClient, second, heldId)).GetProperty("reviewStatus").GetString());
        Assert.Equal(HttpStatusCode.Created, await PublishAsync(secondClient, heldId, dps.LotId));
        var referralId = (await (await officer.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString();
        var matches = await (await officer.GetAsync($"/api/referrals/{referralId}/matches")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(matches.EnumerateArray(), m => m.GetProperty("settingId").GetGuid() == heldId);
    }

    [Fact]
    public async Task RegisterMismatch_IsHeld_AMatchingRowPassesStraightThrough()
    {
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        using var client = await app.Data.ClientForAsync(provider.User);
        var (matching, wrongName, wrongOwner) = (NewUrn(), NewUrn(), NewUrn());
        await ImportAsync("URN,Setting name,Organisation which owns the provider,Overall experiences and progress of children and young people,Inspection date\n"
            + $"{matching},Oak House,{provider.Name.Replace(" Ltd", " Limited")},Good,01/03/2026\n"
            + $"{wrongName},Birch Lodge,{provider.Name},Good,01/03/2026\n"
            + $"{wrongOwner},Oak House,Someone Else Care Ltd,Good,01/03/2026\n");

        var passed = await SettingAsync(client, provider, await AddAsync(client, provider, SettingBody(matching, "Oak house")));
        var nameHeld = await SettingAsync(client, provider, await AddAsync(client, provider, SettingBody(wrongName)));
        var ownerHeld = await SettingAsync(client, provider, await AddAsync(client, provider, SettingBody(wrongOwner)));

        Assert.Equal("Approved", passed.GetProperty("reviewStatus").GetString());
        Assert.Equal("AwaitingReview", nameHeld.GetProperty("reviewStatus").GetString());
        Assert.Contains("Birch Lodge", nameHeld.GetProperty("reviewReason").GetString());
        Assert.Equal("AwaitingReview", ownerHeld.GetProperty("reviewStatus").GetString());
        Assert.Contains("Someone Else Care Ltd", ownerHeld.GetProperty("reviewReason").GetString());
    }

    [Fact]
    public async Task DeclaredUpgrade_IsShownUnconfirmed_AndTheRegisterGradeIsRanked()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(provider, dps);
        using var client = await app.Data.ClientForAsync(provider.User);
        var (inRegister, notInRegister, confirmed) = (NewUrn(), NewUrn(), NewUrn());
        await ImportAsync("URN,Overall experiences and progress of children and young people,Inspection date\n"
            + $"{inRegister},Requires improvement to be good,01/03/2026\n{confirmed},Good,01/03/2026\n");

        var upgradedId = await AddAsync(client, provider, SettingBody(inRegister, grade: "Outstanding"));
        var unknown = await SettingAsync(client, provider, await AddAsync(client, provider, SettingBody(notInRegister, grade: "Outstanding")));
        var same = await SettingAsync(client, provider, await AddAsync(client, provider, SettingBody(confirmed, grade: "Good")));
        var upgraded = await SettingAsync(client, provider, upgradedId);

        Assert.Equal("RequiresImprovement", upgraded.GetProperty("ofstedGrade").GetString());
        Assert.False(upgraded.GetProperty("ofstedGradeConfirmed").GetBoolean());
        Assert.Equal("Outstanding", upgraded.GetProperty("declaredOfstedGrade").GetString());
        Assert.Equal("Outstanding", unknown.GetProperty("ofstedGrade").GetString());
        Assert.False(unknown.GetProperty("ofstedGradeConfirmed").GetBoolean());
        Assert.True(same.GetProperty("ofstedGradeConfirmed").GetBoolean());

        // Matching ranks the register's grade and says the declaration is unconfirmed.
        Assert.Equal(HttpStatusCode.Created, await PublishAsync(client, upgradedId, dps.LotId));
        var referralId = (await (await officer.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString();
        var match = (await (await officer.GetAsync($"/api/referrals/{referralId}/matches")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Single(m => m.GetProperty("settingId").GetGuid() == upgradedId);
        Assert.Equal("RequiresImprovement", match.GetProperty("ofstedGrade").GetString());
        Assert.False(match.GetProperty("ofstedGradeConfirmed").GetBoolean());
        Assert.True(match.GetProperty("requiresApproval").GetBoolean());

        // A later register showing Outstanding confirms it.
        await ImportAsync($"URN,Overall experiences and progress of children and young people,Inspection date\n{inRegister},Outstanding,01/09/2026\n");
        var nowConfirmed = await SettingAsync(client, provider, upgradedId);
        Assert.Equal("Outstanding", nowConfirmed.GetProperty("ofstedGrade").GetString());
        Assert.True(nowConfirmed.GetProperty("ofstedGradeConfirmed").GetBoolean());
    }
}

public class OfstedUrnReviewApiSqliteTests(SqliteApp app) : OfstedUrnReviewApiTests(app), IClassFixture<SqliteApp>;

public class OfstedUrnReviewApiServerTests(ServerApp app) : OfstedUrnReviewApiTests(app), IClassFixture<ServerApp>;

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>The contract's referral and offer routes: call-off, privacy, matching, idempotent offers, declines.</summary>
public abstract class ReferralApiTests(PlacementBrokerApp app)
{
    private async Task<(TestDps Dps, TestUser Officer, HttpClient Client)> OfficerAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        return (dps, officer, await app.Data.ClientForAsync(officer));
    }

    private static async Task<string> CreateReferralAsync(HttpClient officer, Dictionary<string, object?> body) =>
        (await (await officer.PostAsJsonAsync("/api/referrals", body)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    [Fact]
    public async Task Create_Officer_PublishesToEveryAdmittedUnsuspendedProviderOfTheLot()
    {
        var (dps, _, officer) = await OfficerAsync();
        await app.Data.FittingProviderAsync(dps);
        var admittedWithoutVacancy = await app.Data.CreateProviderAsync();
        await app.Data.ApplyAsync(admittedWithoutVacancy, dps);
        var suspended = await app.Data.CreateProviderAsync();
        var (_, suspendedMembership) = await app.Data.ApplyAsync(suspended, dps);
        using (var commissioner = await app.Data.ClientForAsync(dps.Commissioner))
        {
            await (await commissioner.PostAsJsonAsync($"/api/memberships/{suspendedMembership}/suspend", new { reason = "QA red" })).ReadJsonAsync(HttpStatusCode.OK);
        }
        await app.Data.ApplyAsync(await app.Data.CreateProviderAsync(), dps, admit: false);

        var body = await (await officer.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("Open", body.GetProperty("status").GetString());
        Assert.Equal(2, body.GetProperty("providersNotified").GetInt32());
    }

    [Fact]
    public async Task Create_Draft_NotifiesNobodyUntilPublished()
    {
        var (dps, _, officer) = await OfficerAsync();
        await app.Data.FittingProviderAsync(dps);
        var body = app.Data.ReferralBody(dps.LotId);
        body["draft"] = true;

        var created = await (await officer.PostAsJsonAsync("/api/referrals", body)).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Draft", created.GetProperty("status").GetString());
        var published = await (await officer.PostAsync($"/api/referrals/{created.GetProperty("id").GetString()}/publish", null)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, published.GetProperty("providersNotified").GetInt32());
    }

    [Theory]
    [InlineData(Role.PlacementManager)]
    [InlineData(Role.Commissioner)]
    [InlineData(Role.QaOfficer)]
    [InlineData(Role.ProviderUser)]
    public async Task Create_WrongRole_Is403(Role role)
    {
        var dps = await app.Data.CreateDpsAsync();
        using var client = await app.Data.ClientForAsync(role);

        await (await client.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Create_WithoutToken_Is401()
    {
        using var client = app.CreateClient();

        await (await client.PostAsJsonAsync("/api/referrals", new { })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Create_NonsenseInput_Is400NamingEachField()
    {
        var (_, _, officer) = await OfficerAsync();

        var response = await officer.PostAsJsonAsync("/api/referrals", new
        {
            lotId = Guid.NewGuid(), startDate = "2025-01-01", child = new { reference = "", firstName = "", dateOfBirth = "2030-01-01", siblingGroupSize = 0 },
            homePostcode = "nowhere", maxDistanceMiles = 0, weeklyBudget = -1, offerDeadline = "2020-01-01T00:00:00Z",
        });

        await response.AssertValidationProblemAsync("lotId", "urgency", "duration", "startDate", "child.reference", "child.firstName", "child.lastName",
            "child.dateOfBirth", "child.gender", "child.siblingGroupSize", "homePostcode", "maxDistanceMiles", "weeklyBudget", "offerDeadline");
    }

    [Fact]
    public async Task Create_UnknownNeedOrUrgency_Is400NamingTheField()
    {
        var (dps, _, officer) = await OfficerAsync();
        var body = app.Data.ReferralBody(dps.LotId, urgency: "Whenever");

        await (await officer.PostAsJsonAsync("/api/referrals", body)).AssertValidationProblemAsync("urgency");
    }

    [Fact]
    public async Task Create_LotOfAnotherAuthoritysDps_Is400()
    {
        var theirs = await app.Data.CreateDpsAsync();
        using var officer = await app.Data.ClientForAsync(Role.PlacingOfficer);

        await (await officer.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(theirs.LotId))).AssertValidationProblemAsync("lotId");
    }

    [Fact]
    public async Task Get_OwnAuthority_SeesTheChildAndTheReadIsAudited()
    {
        var (dps, officer, client) = await OfficerAsync();
        var id = await CreateReferralAsync(client, app.Data.ReferralBody(dps.LotId));
        using var manager = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.PlacementManager, officer.LocalAuthorityId));

        var referral = await (await manager.GetAsync($"/api/referrals/{id}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Open", referral.GetProperty("status").GetString());
        Assert.Equal("Amelia", referral.GetProperty("child").GetProperty("firstName").GetString());
        Assert.Equal(14, referral.GetProperty("child").GetProperty("ageYears").GetInt32());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "ReferralIdentityRead" && e.EntityId == id));
    }

    [Fact]
    public async Task Get_AnotherAuthoritysOfficerIs404AndOtherRolesOfTheAuthorityAre403()
    {
        var (dps, officer, client) = await OfficerAsync();
        var id = await CreateReferralAsync(client, app.Data.ReferralBody(dps.LotId));
        using var stranger = await app.Data.ClientForAsync(Role.PlacingOfficer);
        using var commissioner = await app.Data.ClientForAsync(dps.Commissioner);
        using var qa = await app.Data.ClientForAsync(await app.Data.CreateUserAsync(Role.QaOfficer, officer.LocalAuthorityId));

        foreach (var path in new[] { $"/api/referrals/{id}", $"/api/referrals/{id}/offers", $"/api/referrals/{id}/matches" })
        {
            await (await stranger.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await commissioner.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await qa.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await stranger.PostAsync($"/api/referrals/{id}/withdraw", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ProviderInbox_IsAnonymised()
    {
        var (dps, _, officer) = await OfficerAsync();
        var (provider, _) = await app.Data.FittingProviderAsync(dps);
        var body = app.Data.ReferralBody(dps.LotId);
        var id = await CreateReferralAsync(officer, body);
        using var client = await app.Data.ClientForAsync(provider.User);

        var response = await client.GetAsync("/api/provider/referrals");
        var text = await response.Content.ReadAsStringAsync();
        var inbox = await response.ReadJsonAsync(HttpStatusCode.OK);

        var item = inbox.EnumerateArray().Single();
        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.Equal(14, item.GetProperty("ageYears").GetInt32());
        Assert.Equal("LS6", item.GetProperty("area").GetString());
        Assert.True(item.GetProperty("fits").GetBoolean());
        var reference = ((Dictionary<string, object?>)body["child"]!)["reference"]!.ToString()!;
        foreach (var secret in new[] { "Amelia", "Hartley-Testcase", "2012-05-17", reference, "LS6 3QN", "Headingley" })
        {
            Assert.DoesNotContain(secret, text);
        }
    }

    [Fact]
    public async Task ProviderInbox_NotSentToAProviderOutsideTheLot()
    {
        var (dps, _, officer) = await OfficerAsync();
        var id = await CreateReferralAsync(officer, app.Data.ReferralBody(dps.LotId));
        using var outsider = await app.Data.ClientForAsync(Role.ProviderUser);

        Assert.Empty((await (await outsider.GetAsync("/api/provider/referrals")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        await (await outsider.GetAsync($"/api/provider/referrals/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.PostAsJsonAsync($"/api/referrals/{id}/decline", new { reason = "NoSuitableVacancy" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Offer_SameIdempotencyKey_ReturnsTheSameOfferWithoutADuplicate()
    {
        var (dps, _, officer) = await OfficerAsync();
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps);
        var id = await CreateReferralAsync(officer, app.Data.ReferralBody(dps.LotId));
        using var client = await app.Data.ClientForAsync(provider.User);
        HttpRequestMessage Submit()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/referrals/{id}/offers")
            {
                Content = JsonContent.Create(new { vacancyId, weeklyPrice = 5300.00, startDate = "2026-11-30", notes = "Keyworker can start at once" }),
            };
            request.Headers.Add("Idempotency-Key", "offer-retry-1");
            return request;
        }

        var first = await (await client.SendAsync(Submit())).ReadJsonAsync(HttpStatusCode.Created);
        var retry = await (await client.SendAsync(Submit())).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal("Submitted", first.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("id").GetString(), retry.GetProperty("id").GetString());
        var offers = await (await officer.GetAsync($"/api/referrals/{id}/offers")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Single(offers.EnumerateArray());
    }

    /// <summary>
    /// Keys are compared exactly on every database (ADR 0015): a key differing only in case is a new submission, not a
    /// retry, so it meets the one-live-offer rule instead of being handed the first offer. SQL Server's usual collation
    /// would ignore the case; the column's binary collation there keeps it.
    /// </summary>
    [Fact]
    public async Task Offer_IdempotencyKeyInAnotherCase_IsANewSubmission()
    {
        var (dps, _, officer) = await OfficerAsync();
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps);
        var id = await CreateReferralAsync(officer, app.Data.ReferralBody(dps.LotId));
        using var client = await app.Data.ClientForAsync(provider.User);
        HttpRequestMessage Submit(string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/referrals/{id}/offers")
            {
                Content = JsonContent.Create(new { vacancyId, weeklyPrice = 5300.00, startDate = "2026-11-30" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        var first = await (await client.SendAsync(Submit("Offer-Key-A"))).ReadJsonAsync(HttpStatusCode.Created);
        var other = await client.SendAsync(Submit("offer-key-a"));

        await other.AssertProblemAsync(HttpStatusCode.Conflict);
        var offers = await (await officer.GetAsync($"/api/referrals/{id}/offers")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(first.GetProperty("id").GetString(), Assert.Single(offers.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Offers_RankedAndExplained_ExplanationAddsUpToTheScore()
    {
        var (dps, _, officer) = await OfficerAsync();
        var (good, goodVacancy) = await app.Data.FittingProviderAsync(dps, 5000m, OfstedGrade.Outstanding);
        var (pricey, priceyVacancy) = await app.Data.FittingProviderAsync(dps, 5900m, OfstedGrade.RequiresImprovement);
        var id = await CreateReferralAsync(officer, app.Data.ReferralBody(dps.LotId));
        using (var c = await app.Data.ClientForAsync(pricey.User))
        {
            await (await c.PostAsJsonAsync($"/api/referrals/{id}/offers", new { vacancyId = priceyVacancy, weeklyPrice = 5900 })).ReadJsonAsync(HttpStatusCode.Created);
        }
        using (var c = await app.Data.ClientForAsync(good.User))
        {
            await (await c.PostAsJsonAsync($"/api/referrals/{id}/offers", new { vacancyId = goodVacancy, weeklyPrice = 5000 })).ReadJsonAsync(HttpStatusCode.Created);
        }

        var offers = (await (await officer.GetAsync($"/api/referrals/{id}/offers")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();

        Assert.Equal(good.Name, offers[0].GetProperty("providerName").GetString());
        Assert.Equal(1, offers[0].GetProperty("rank").GetInt32());
        Assert.False(offers[0].GetProperty("requiresApproval").GetBoolean());
        Assert.True(offers[1].GetProperty("requiresApproval").GetBoolean());
        Assert.Contains(offers[1].GetProperty("approvalReasons").EnumerateArray(), r => r.GetString()!.Contains("Requires improvement"));
        foreach (var offer in offers)
        {
            var explanation = offer.GetProperty("explanation").EnumerateArray().ToList();
            Assert.Equal(offer.GetProperty("score").GetInt32(), explanation.Sum(e => e.GetProperty("points").GetInt32()));
            Assert.All(explanation, e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("text").GetString())));
        }
        var matches = (await (await officer.GetAsync($"/api/referrals/{id}/matches")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(goodVacancy.ToString(), matches[0].GetProperty("vacancyId").GetString());
        Assert.True(matches[0].GetProperty("eligible").GetBoolean());
    }

    [Fact]
    public async Task Offer_NonsenseIs400AndAnotherProvidersVacancyIs400()
    {
        var (dps, _, officer) = await OfficerAsync();
        var (provider, _) = await app.Data.FittingProviderAsync(dps);
        var (_, theirVacancy) = await app.Data.FittingProviderAsync(dps);
        var id = await CreateReferralAsync(officer, app.Data.ReferralBody(dps.LotId));
        using var client = await app.Data.ClientForAsync(provider.User);

        await (await client.PostAsJsonAsync($"/api/referrals/{id}/offers", new { weeklyPrice = 0 })).AssertValidationProblemAsync("vacancyId", "weeklyPrice");
        await (await client.PostAsJsonAsync($"/api/referrals/{id}/offers", new { vacancyId = theirVacancy, weeklyPrice = 5000 })).AssertValidationProblemAsync("vacancyId");
    }

    [Fact]
    public async Task Offer_AfterTheDeadline_Is409()
    {
        var (dps, _, officer) = await OfficerAsync();
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps);
        var body = app.Data.ReferralBody(dps.LotId);
        body["offerDeadline"] = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(30).ToString("O");
        var id = await CreateReferralAsync(officer, body);
        using var client = await app.Data.ClientForAsync(provider.User);
        app.Clock.Advance(TimeSpan.FromHours(1));

        await (await client.PostAsJsonAsync($"/api/referrals/{id}/offers", new { vacancyId, weeklyPrice = 5000 })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData(Role.PlacingOfficer)]
    [InlineData(Role.Commissioner)]
    public async Task Offer_NotAProvider_Is403(Role role)
    {
        using var client = await app.Data.ClientForAsync(role);

        await (await client.PostAsJsonAsync($"/api/referrals/{Guid.NewGuid()}/offers", new { weeklyPrice = 1 })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync($"/api/referrals/{Guid.NewGuid()}/decline", new { reason = "Other" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsync($"/api/offers/{Guid.NewGuid()}/withdraw", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/provider/referrals")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Decline_WithReason_IsRecordedAndWithoutReasonIs400()
    {
        var (dps, _, officer) = await OfficerAsync();
        var (provider, _) = await app.Data.FittingProviderAsync(dps);
        var id = await CreateReferralAsync(officer, app.Data.ReferralBody(dps.LotId));
        using var client = await app.Data.ClientForAsync(provider.User);

        await (await client.PostAsJsonAsync($"/api/referrals/{id}/decline", new { })).AssertValidationProblemAsync("reason");
        await (await client.PostAsJsonAsync($"/api/referrals/{id}/decline", new { reason = "Sometimes" })).AssertValidationProblemAsync("reason");
        var declined = await (await client.PostAsJsonAsync($"/api/referrals/{id}/decline", new { reason = "ImpactOnOtherChildren" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.True(declined.GetProperty("declined").GetBoolean());
        var referral = await (await officer.GetAsync($"/api/referrals/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, referral.GetProperty("declines").GetInt32());
    }

    [Fact]
    public async Task WithdrawOffer_ThenWithdrawReferral_ReleasesEverything()
    {
        var (dps, _, officer) = await OfficerAsync();
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps);
        var (other, otherVacancy) = await app.Data.FittingProviderAsync(dps);
        var id = await CreateReferralAsync(officer, app.Data.ReferralBody(dps.LotId));
        using var client = await app.Data.ClientForAsync(provider.User);
        using var otherClient = await app.Data.ClientForAsync(other.User);
        var offerId = (await (await client.PostAsJsonAsync($"/api/referrals/{id}/offers", new { vacancyId, weeklyPrice = 5000 })).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString();
        await (await otherClient.PostAsJsonAsync($"/api/referrals/{id}/offers", new { vacancyId = otherVacancy, weeklyPrice = 5100 })).ReadJsonAsync(HttpStatusCode.Created);

        await (await otherClient.PostAsync($"/api/offers/{offerId}/withdraw", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        var withdrawn = await (await client.PostAsync($"/api/offers/{offerId}/withdraw", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());
        var closed = await (await officer.PostAsJsonAsync($"/api/referrals/{id}/withdraw", new { reason = "Child returned home" })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Withdrawn", closed.GetProperty("status").GetString());
        var offers = (await (await officer.GetAsync($"/api/referrals/{id}/offers")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal("NotSelected", Assert.Single(offers).GetProperty("status").GetString());
        await (await client.PostAsJsonAsync($"/api/referrals/{id}/offers", new { vacancyId, weeklyPrice = 5000 })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await officer.PostAsync($"/api/referrals/{id}/withdraw", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }
}

public class ReferralApiSqliteTests(SqliteApp app) : ReferralApiTests(app), IClassFixture<SqliteApp>;

public class ReferralApiServerTests(ServerApp app) : ReferralApiTests(app), IClassFixture<ServerApp>;

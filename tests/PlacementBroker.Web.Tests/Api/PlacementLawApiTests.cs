using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>
/// The law on age (spec 5.2): supported accommodation is for 16- and 17-year-olds only, ages are taken on the start
/// date, and nobody is offered a place outside the ages it is registered for. And sibling groups priced one way: the
/// weekly price per child, the referral's budget for the whole group.
/// </summary>
public abstract class PlacementLawApiTests(PlacementBrokerApp app)
{
    private async Task<(TestDps Dps, TestProvider Provider, HttpClient ProviderClient, Guid SettingId)> SupportedAccommodationAsync()
    {
        var dps = await app.Data.CreateDpsAsync(lotType: PlacementType.SupportedAccommodation);
        var provider = await app.Data.CreateProviderAsync(ProviderType.SupportedAccommodation);
        await app.Data.ApplyAsync(provider, dps);
        var settingId = await app.Data.CreateSettingAsync(provider, grade: OfstedGrade.NotGraded);
        return (dps, provider, await app.Data.ClientForAsync(provider.User), settingId);
    }

    private static object Vacancy(Guid settingId, Guid lotId, int ageMin, int ageMax = 17, int places = 1, decimal weeklyPrice = 1500m) => new
    {
        settingId, lotId, places, ageMin, ageMax, genders = new[] { "Female", "Male" }, needsMet = new[] { "EmotionalBehavioural", "Autism" },
        weeklyPrice, availableFrom = "2026-11-23",
    };

    private Dictionary<string, object?> ReferralBorn(Guid lotId, string dateOfBirth, int siblings = 1, decimal budget = 6000m)
    {
        var body = app.Data.ReferralBody(lotId, siblings: siblings, budget: budget);
        ((Dictionary<string, object?>)body["child"]!)["dateOfBirth"] = dateOfBirth;
        return body;
    }

    private static async Task<string> CreatedIdAsync(HttpResponseMessage response) =>
        (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static void AssertNamesField(JsonElement problem, string field, string words)
    {
        Assert.Contains(words, problem.GetProperty("detail").GetString());
        Assert.Contains(words, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task SupportedAccommodationVacancy_TakingUnder16s_Is422OnPublishAndUpdate()
    {
        var (dps, _, client, settingId) = await SupportedAccommodationAsync();
        using (client)
        {
            var refused = await (await client.PostAsJsonAsync("/api/vacancies", Vacancy(settingId, dps.LotId, ageMin: 15)))
                .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
            AssertNamesField(refused, "ageMin", "Supported accommodation is for 16- and 17-year-olds only");

            var vacancyId = await CreatedIdAsync(await client.PostAsJsonAsync("/api/vacancies", Vacancy(settingId, dps.LotId, ageMin: 16, ageMax: 21)));

            var changed = await (await client.PutAsJsonAsync($"/api/vacancies/{vacancyId}", Vacancy(settingId, dps.LotId, ageMin: 14)))
                .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
            AssertNamesField(changed, "ageMin", "the youngest age must be 16 or more");
            var unchanged = await (await client.GetAsync($"/api/vacancies/{vacancyId}")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(16, unchanged.GetProperty("ageMin").GetInt32());
        }
    }

    [Fact]
    public async Task SupportedAccommodationReferral_ChildUnder16OnTheStartDate_Is422_AgeTakenOnTheStartDateNotToday()
    {
        var (dps, _, providerClient, _) = await SupportedAccommodationAsync();
        providerClient.Dispose();
        var officer = await app.Data.OfficerForAsync(dps);
        using var client = await app.Data.ClientForAsync(officer);

        // Today is 23 November 2026 and the start 30 November: born 27 November 2010, the child is 15 today but 16 on the start date.
        await CreatedIdAsync(await client.PostAsJsonAsync("/api/referrals", ReferralBorn(dps.LotId, "2010-11-27")));

        // Born 1 December 2010: still 15 on the start date.
        var younger = await (await client.PostAsJsonAsync("/api/referrals", ReferralBorn(dps.LotId, "2010-12-01")))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        AssertNamesField(younger, "child.dateOfBirth", "the child will be 15 on the start date");
        Assert.Contains("unlawful", younger.GetProperty("detail").GetString());

        // For 16 AND 17: born 29 November 2008, the young person is 18 on the start date.
        var older = await (await client.PostAsJsonAsync("/api/referrals", ReferralBorn(dps.LotId, "2008-11-29")))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        AssertNamesField(older, "child.dateOfBirth", "will be 18 on the start date");

        // A draft is held to the law too.
        var draft = ReferralBorn(dps.LotId, "2010-12-01");
        draft["draft"] = true;
        await (await client.PostAsJsonAsync("/api/referrals", draft)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Offer_OnAVacancyOutsideTheChildsAgesOnTheStartDate_Is422_AndAcceptingOneIs422()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(provider, dps);
        var settingId = await app.Data.CreateSettingAsync(provider);
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var olderOnly = await CreatedIdAsync(await providerClient.PostAsJsonAsync("/api/vacancies", Vacancy(settingId, dps.LotId, ageMin: 15)));
        var fitting = await CreatedIdAsync(await providerClient.PostAsJsonAsync("/api/vacancies", Vacancy(settingId, dps.LotId, ageMin: 10)));
        // Amelia is 14 on the start date.
        var referralId = await CreatedIdAsync(await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId)));

        var inbox = await (await providerClient.GetAsync($"/api/provider/referrals/{referralId}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal([fitting], inbox.GetProperty("matchingVacancyIds").EnumerateArray().Select(v => v.GetString()));
        var matches = await (await officerClient.GetAsync($"/api/referrals/{referralId}/matches")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(matches.EnumerateArray().Single(m => m.GetProperty("vacancyId").GetString() == olderOnly).GetProperty("eligible").GetBoolean());

        var refused = await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId = olderOnly, weeklyPrice = 5000m }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("The vacancy takes ages 15 to 17; the child will be 14 on the start date", refused.GetProperty("detail").GetString());

        // An offer made while the vacancy took the child's age cannot be accepted once the vacancy no longer does.
        var offerId = await CreatedIdAsync(await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId = fitting, weeklyPrice = 5000m }));
        (await providerClient.PutAsJsonAsync($"/api/vacancies/{fitting}", Vacancy(settingId, dps.LotId, ageMin: 15))).EnsureSuccessStatusCode();
        var notAccepted = await (await officerClient.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Takes ages 15 to 17; the child is 14", notAccepted.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task SiblingGroupOfThree_PricedPerChild_IsComparedWithTheBudgetForTheWholeGroup()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, officer.LocalAuthorityId);
        using var managerClient = await app.Data.ClientForAsync(manager);
        var provider = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(provider, dps);
        var settingId = await app.Data.CreateSettingAsync(provider);
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var vacancyId = await CreatedIdAsync(await providerClient.PostAsJsonAsync("/api/vacancies", Vacancy(settingId, dps.LotId, ageMin: 10, places: 3)));
        // £5,000 a week for the three children together; the provider asks £2,000 a week for each child, £6,000 in all.
        var referralId = await CreatedIdAsync(await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId, siblings: 3, budget: 5000m)));
        var offerId = await CreatedIdAsync(await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = 2000m }));

        var ranked = await (await officerClient.GetAsync($"/api/referrals/{referralId}/offers")).ReadJsonAsync(HttpStatusCode.OK);
        const string reason = "£6,000 a week for the 3 children (£2,000 each) is above the referral's budget of £5,000 a week for the group";
        Assert.Contains(reason, ranked[0].GetProperty("approvalReasons").EnumerateArray().Select(r => r.GetString()));
        var pending = await (await officerClient.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Accepted);
        Assert.Contains(reason, pending.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        var approved = await (await managerClient.PostAsJsonAsync($"/api/approvals/{pending.GetProperty("approvalId").GetString()}/decision",
            new { decision = "Approve", reason = "Keeping the three together is worth the extra £1,000 a week" })).ReadJsonAsync(HttpStatusCode.OK);
        var placement = await (await officerClient.GetAsync($"/api/placements/{approved.GetProperty("placementId").GetString()}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2000m, placement.GetProperty("weeklyPrice").GetDecimal());
        Assert.Equal(3, placement.GetProperty("places").GetInt32());
    }
}

public class PlacementLawApiSqliteTests(SqliteApp app) : PlacementLawApiTests(app), IClassFixture<SqliteApp>;

public class PlacementLawApiServerTests(ServerApp app) : PlacementLawApiTests(app), IClassFixture<ServerApp>;

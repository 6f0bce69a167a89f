using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Providers;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>
/// Matching never drops candidates arbitrarily: with more vacancies than it considers, the nearest to the child's home
/// are kept, in a stated order, and the officer is told how many there were; every provider whose vacancy fits is
/// still told so.
/// </summary>
public abstract class MatchingCutApiTests(PlacementBrokerApp app)
{
    private Task<Guid> SettingAsync(TestProvider provider, double latitude) => app.Data.Setting(provider).At(latitude, -1.5767).CreateAsync();

    [Fact]
    public async Task PotentialMatches_MoreVacanciesThanTheLimit_KeepTheNearestAndSayHowManyThereWere()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var near = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        var far = await app.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await app.Data.ApplyAsync(near, dps);
        await app.Data.ApplyAsync(far, dps);
        // Five homes due north of the child's home in LS6, about 7, 14, 21, 28 and 35 miles away; the furthest is another provider's.
        var vacancies = new List<Guid>();
        for (var step = 1; step <= 5; step++)
        {
            var owner = step == 5 ? far : near;
            vacancies.Add(await app.Data.CreateVacancyAsync(owner, await SettingAsync(owner, 53.83 + step * 0.1), dps.LotId, 5000m));
        }
        var body = app.Data.ReferralBody(dps.LotId);
        // Out of area: no search box round home, so every vacancy of the lot is a candidate.
        body["outOfAreaRequired"] = true;
        var referralId = (await (await officerClient.PostAsJsonAsync("/api/referrals", body)).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        var response = await officerClient.GetAsync($"/api/referrals/{referralId}/matches");

        var matches = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(vacancies.Take(3).Order(), matches.EnumerateArray().Select(m => Guid.Parse(m.GetProperty("vacancyId").GetString()!)).Order());
        Assert.Equal("3", response.Headers.GetValues("X-Vacancies-Considered").Single());
        Assert.Equal("5", response.Headers.GetValues("X-Vacancies-Found").Single());
        using (var session = await app.SignInAsync(officer))
        {
            Assert.Contains("Showing the nearest 3 of 5 vacancies", (await session.OpenAsync($"/referrals/{referralId}")).Text);
        }
        // The cut is of what the officer is shown, never of who is told their vacancy fits.
        using var farClient = await app.Data.ClientForAsync(far.User);
        var inbox = await (await farClient.GetAsync("/api/provider/referrals")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(inbox.EnumerateArray().Single(r => r.GetProperty("id").GetString() == referralId).GetProperty("fits").GetBoolean());
    }

    [Fact]
    public async Task PotentialMatches_WithinTheLimit_AreComplete()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var (_, vacancyId) = await app.Data.FittingProviderAsync(dps);
        var referralId = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString();

        var response = await officerClient.GetAsync($"/api/referrals/{referralId}/matches");

        Assert.Equal(vacancyId.ToString(), (await response.ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray().Single().GetProperty("vacancyId").GetString());
        Assert.Equal("1", response.Headers.GetValues("X-Vacancies-Considered").Single());
        Assert.Equal("1", response.Headers.GetValues("X-Vacancies-Found").Single());
        using var session = await app.SignInAsync(officer);
        Assert.DoesNotContain("Showing the nearest", (await session.OpenAsync($"/referrals/{referralId}")).PageText);
    }
}

public class MatchingCutApiSqliteTests(SmallMatchingLimitApp app) : MatchingCutApiTests(app), IClassFixture<SmallMatchingLimitApp>;

public class MatchingCutApiPostgresTests(PostgresSmallMatchingLimitApp app) : MatchingCutApiTests(app), IClassFixture<PostgresSmallMatchingLimitApp>;

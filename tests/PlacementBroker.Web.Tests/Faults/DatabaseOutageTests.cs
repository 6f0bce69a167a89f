using System.Net;
using System.Net.Http.Json;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages;

namespace PlacementBroker.Web.Tests.Faults;

/// <summary>
/// PostgreSQL stops mid-run: the host answers 503 and "try again later" (never a 500, never a half-written record)
/// and recovers by itself, without a restart, when the database returns.
/// </summary>
public class DatabaseOutageTests(OwnPostgresApp app) : IClassFixture<OwnPostgresApp>
{
    [Fact]
    public async Task DatabaseStopped_AnswersServiceUnavailableNotAnError_AndTheHostRecoversByItself()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var officerClient = await app.Data.ClientForAsync(officer);
        await app.Data.FittingProviderAsync(dps);
        using var browser = await PageSession.SignedInAsync(app, officer.Email, officer.Password);
        using var anonymous = app.CreateClient();
        var referral = app.Data.ReferralBody(dps.LotId);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.Empty((await (await officerClient.GetAsync("/api/referrals")).ReadJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        // Long enough for the page session's account to be checked against the database again on its next page.
        app.Clock.Advance(TimeSpan.FromMinutes(31));

        await app.Cluster.StopAsync();
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
            await AssertUnavailableAsync(await officerClient.GetAsync("/api/referrals"));
            await AssertUnavailableAsync(await officerClient.PostAsJsonAsync("/api/referrals", referral));
            await AssertUnavailableAsync(await anonymous.PostAsJsonAsync("/api/auth/token", new { email = officer.Email, password = officer.Password }));

            var page = await browser.GetAsync("/referrals");
            var html = await page.Content.ReadAsStringAsync();
            Assert.True(page.StatusCode == HttpStatusCode.ServiceUnavailable, $"Expected 503 but got {(int)page.StatusCode}: {html}");
            Assert.Contains("Sorry, there is a problem with the service", html);
            Assert.Contains("Try again later", html);
            Assert.NotNull(page.Headers.RetryAfter);
        }
        finally
        {
            if (!app.Cluster.Running)
            {
                await app.Cluster.StartAgainAsync();
            }
        }

        await OwnPostgresApp.WaitUntilReadyAsync(anonymous, TimeSpan.FromSeconds(60));
        // No restart: the very next requests succeed, with no connection broken by the outage handed out again.
        var created = await (await officerClient.PostAsJsonAsync("/api/referrals", referral)).ReadJsonAsync(HttpStatusCode.Created);
        var referrals = await (await officerClient.GetAsync("/api/referrals")).ReadJsonAsync(HttpStatusCode.OK);
        // The referral posted during the outage was never written: only the one acknowledged afterwards exists.
        Assert.Equal([created.GetProperty("id").GetString()], referrals.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/referrals")).StatusCode);
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, $"No Retry-After on {response.RequestMessage?.RequestUri}");
        Assert.Contains("try again", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}

using System.Net;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Provider;

namespace PlacementBroker.Web.Tests.Pages.Referrals;

/// <summary>Who may open the referral pages: the owning authority's officers (and managers, to read); providers only their inbox.</summary>
public class ReferralAccessTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<(TestDps Dps, TestUser Officer, TestProvider Provider, Guid ReferralId)> SentReferralAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        var (provider, _) = await app.Data.FittingProviderAsync(dps);
        return (dps, officer, provider, await app.SendReferralAsync(officer, app.Data.ReferralBody(dps.LotId)));
    }

    private static async Task AssertNoAccessAsync(PageSession session, string path)
    {
        var response = await session.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {path}: {(int)response.StatusCode}");
        Assert.StartsWith("/error/403", response.RedirectTarget());
        Assert.Contains("You do not have access to this page", await session.GetPageAsync(response.RedirectTarget(), HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task ReferralPages_Provider_Gets403()
    {
        var (_, _, provider, referralId) = await SentReferralAsync();
        using var session = await app.SignInAsync(provider.User);

        foreach (var path in new[]
        {
            "/referrals", "/referrals/new", $"/referrals/{referralId}", $"/referrals/{referralId}?handler=Offers", $"/referrals/{referralId}/check",
            $"/referrals/{referralId}/edit", $"/referrals/{referralId}/withdraw", $"/referrals/{referralId}/rebroadcast",
        })
        {
            await AssertNoAccessAsync(session, path);
        }
    }

    [Theory]
    [InlineData(Role.Commissioner)]
    [InlineData(Role.QaOfficer)]
    public async Task ReferralPages_OtherAuthorityRoles_Get403(Role role)
    {
        var (dps, _, _, referralId) = await SentReferralAsync();
        var user = await app.Data.CreateUserAsync(role, dps.Commissioner.LocalAuthorityId);
        using var session = await app.SignInAsync(user);

        await AssertNoAccessAsync(session, "/referrals");
        await AssertNoAccessAsync(session, $"/referrals/{referralId}");
    }

    [Fact]
    public async Task Referral_AnotherAuthoritysOfficer_Gets404()
    {
        var (_, _, _, referralId) = await SentReferralAsync();
        var stranger = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        using var session = await app.SignInAsync(stranger);

        foreach (var path in new[]
        {
            $"/referrals/{referralId}", $"/referrals/{referralId}?handler=Offers", $"/referrals/{referralId}/check", $"/referrals/{referralId}/edit",
            $"/referrals/{referralId}/withdraw", $"/referrals/{referralId}/rebroadcast",
        })
        {
            Assert.Contains("Page not found", (await session.OpenAsync(path, HttpStatusCode.NotFound)).Text);
        }
        var withdraw = await session.PostFormAsync("/referrals/new", new(), action: $"/referrals/{referralId}/withdraw");
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.DoesNotContain(referralId.ToString(), await session.GetPageAsync("/referrals"));
    }

    [Fact]
    public async Task ProviderInbox_Officer_Gets403()
    {
        var (_, officer, _, referralId) = await SentReferralAsync();
        using var session = await app.SignInAsync(officer);

        await AssertNoAccessAsync(session, "/provider/referrals");
        await AssertNoAccessAsync(session, $"/provider/referrals/{referralId}");
        await AssertNoAccessAsync(session, $"/provider/referrals/{referralId}/offer");
    }

    [Fact]
    public async Task ProviderReferral_NotSentToTheProvider_Gets404()
    {
        var (_, _, _, referralId) = await SentReferralAsync();
        var other = await app.Data.CreateProviderAsync();
        using var session = await app.SignInAsync(other.User);

        foreach (var path in new[] { $"/provider/referrals/{referralId}", $"/provider/referrals/{referralId}/offer", $"/provider/referrals/{referralId}/decline" })
        {
            await session.GetPageAsync(path, HttpStatusCode.NotFound);
        }
        Assert.DoesNotContain(referralId.ToString(), await session.GetPageAsync("/provider/referrals"));
    }

    [Fact]
    public async Task ReferralPages_SignedOut_GoToSignIn()
    {
        using var session = new PageSession(app);

        foreach (var path in new[] { "/referrals", "/provider/referrals" })
        {
            Assert.StartsWith("/sign-in", (await session.GetAsync(path)).RedirectTarget());
        }
    }

    [Fact]
    public async Task Navigation_LinksToReferralsForOfficersManagersAndProviders()
    {
        var (dps, officer, provider, _) = await SentReferralAsync();
        var manager = await app.Data.CreateUserAsync(Role.PlacementManager, dps.Commissioner.LocalAuthorityId);
        var qa = await app.Data.CreateUserAsync(Role.QaOfficer, dps.Commissioner.LocalAuthorityId);

        foreach (var user in new[] { officer, manager })
        {
            using var session = await app.SignInAsync(user);
            Assert.True((await session.OpenAsync("/")).HasLinkTo("/referrals"));
        }
        using (var session = await app.SignInAsync(qa))
        {
            Assert.False((await session.OpenAsync("/")).HasLinkTo("/referrals"));
        }
        using (var session = await app.SignInAsync(provider.User))
        {
            var home = await session.OpenAsync("/");
            var menu = home.Links(home.ByRole("navigation", "Menu")).Select(link => link.Href).ToList();
            var homeLink = menu.IndexOf("/");
            var referrals = menu.IndexOf("/provider/referrals");
            var dpsLink = menu.IndexOf("/provider/dps");
            Assert.True(homeLink >= 0 && homeLink < referrals && referrals < dpsLink, "Referrals comes first after Home");
        }
    }
}

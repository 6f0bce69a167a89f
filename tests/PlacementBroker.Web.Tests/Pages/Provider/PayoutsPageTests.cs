using System.Net;
using PlacementBroker.Core.Payments;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Api;
using PlacementBroker.Web.Tests.Pages.Commissioning;
using PlacementBroker.Web.Tests.Pages.Referrals;

namespace PlacementBroker.Web.Tests.Pages.Provider;

/// <summary>A provider sets up payouts: its connected account is created once and Stripe's onboarding link brings it back.</summary>
public class PayoutsPageTests(BillingApp app) : IClassFixture<BillingApp>
{
    [Fact]
    public async Task Payouts_ProviderIsSentToStripesOnboarding_TheAccountMadeOnce()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await PageSession.SignedInAsync(app, provider.User.Email, provider.User.Password);

        var before = await session.OpenAsync("/provider/invoices");
        var first = await session.PostFormAsync("/provider/invoices", [], "/provider/invoices?handler=Payouts");
        var after = await session.OpenAsync("/provider/invoices");
        var again = await session.PostFormAsync("/provider/invoices", [], "/provider/invoices?handler=Payouts");

        Assert.Contains("Set up payouts with Stripe", before.Text);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith(app.Stripe.Address.ToString() + "onboarding/acct_", first.Headers.Location!.ToString());
        Assert.Contains("Update payout details with Stripe", after.Text);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var accounts = app.Stripe.Requests.Where(r => r.Path == "/v1/accounts" && r.IdempotencyKey == IdempotencyKeys.Account(provider.Id)).ToList();
        Assert.Single(accounts);
        var links = app.Stripe.Requests.Where(r => r.Path == "/v1/account_links" && r.Form["account"] == first.Headers.Location!.Segments[^1]).ToList();
        Assert.Equal(2, links.Count);
        Assert.All(links, l => Assert.Equal("account_onboarding", l.Form["type"]));
        Assert.All(links, l => Assert.EndsWith("/provider/invoices", l.Form["return_url"]));
    }

    [Fact]
    public async Task Payouts_ColleagueWhoIsNotTheOrganisationAdmin_IsNotOfferedItAndIsRefused()
    {
        var provider = await app.Data.CreateProviderAsync();
        var colleague = await app.Data.CreateUserAsync(PlacementBroker.Core.Role.ProviderUser, providerId: provider.Id);
        using var session = await PageSession.SignedInAsync(app, colleague.Email, colleague.Password);

        var page = await session.OpenAsync("/provider/invoices");
        var refused = await session.PostFormAsync("/provider/invoices", [], "/provider/invoices?handler=Payouts");

        Assert.DoesNotContain("Set up payouts with Stripe", page.PageText);
        Assert.Contains("Your organisation's administrator sets up payouts with Stripe", page.Text);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/error/403", refused.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain(app.Stripe.Requests, r => r.Path == "/v1/accounts" && r.IdempotencyKey == IdempotencyKeys.Account(provider.Id));
        using var admin = await PageSession.SignedInAsync(app, provider.User.Email, provider.User.Password);
        Assert.Contains("Set up payouts with Stripe", (await admin.OpenAsync("/provider/invoices")).Text);
    }

    [Fact]
    public async Task Payouts_StripeRefuses_TheErrorSummarySaysSo()
    {
        var provider = await app.Data.CreateProviderAsync();
        using var session = await PageSession.SignedInAsync(app, provider.User.Email, provider.User.Password);
        app.Stripe.FailNext("/v1/accounts", 400, "invalid_request_error", "Connect is not enabled on this account", method: "POST");

        var page = PageDocument.Parse(await (await session.PostFormAsync("/provider/invoices", [], "/provider/invoices?handler=Payouts")).TextAsync());

        Assert.True(page.HasErrorSummary);
        Assert.Contains("Connect is not enabled on this account", page.Text);
    }
}

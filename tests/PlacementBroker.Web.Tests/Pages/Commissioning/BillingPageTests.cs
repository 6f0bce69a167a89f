using System.Net;
using System.Net.Http.Json;
using PlacementBroker.Core;
using PlacementBroker.Core.Vocabulary;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Referrals;

namespace PlacementBroker.Web.Tests.Pages.Commissioning;

/// <summary>The billing pages, with Stripe not configured: invoices are worked out and shown, not sent.</summary>
public class BillingPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>A child placed from 30 November at £4,200 a week (£600 a day).</summary>
    private async Task<(TestDps Dps, TestProvider Provider, string PlacementId)> PlacedAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, 4200m);
        return (dps, provider, await app.Data.Placement(officer, dps.LotId).With(provider, vacancyId).At(4200m).PlaceAsync());
    }

    [Fact]
    public async Task Billing_CommissionerRunsAMonth_SeesEachInvoiceAndWhatEachPlacementCost()
    {
        var (dps, provider, placementId) = await PlacedAsync();
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var index = await session.OpenAsync("/billing");
        // Today is in November 2026: October is offered first.
        Assert.True(index.IsChosen("2026-10"));
        var run = await session.PostFormAndOpenAsync("/billing", new() { ["Month"] = "2026-12" });

        Assert.Contains("Billing for December 2026: 1 invoice, £18,600.00 in all.", run.Text);
        Assert.Contains($"{provider.Name}: £18,600.00", run.Text);
        Assert.Contains(Words.NotSentNoPayments, run.Text);
        Assert.DoesNotContain("Stripe not configured", run.Text);
        var line = run.All("tr").Single(row => row.QuerySelector($"th a[href='/placements/{placementId}']") is not null);
        var cells = line.Children.Where(c => c.LocalName is "th" or "td").Select(c => PageDocument.VisibleText(c)).ToList();
        Assert.Matches("^Spot placement [0-9A-F]{8} at .+: 31 days$", cells[0]);
        Assert.Equal(["31", "£18,600.00"], cells.Skip(1).Take(2));
        var again = await session.PostFormAndOpenAsync("/billing", new() { ["Month"] = "2026-12" });
        Assert.Equal("1", again.TextOf("[data-measure=invoices]"));
        var list = await session.OpenAsync("/billing");
        Assert.Single(list.Addresses(), address => address.Contains("/billing/runs/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Billing_TheProviderSeesItsInvoice_AnotherCommissionerDoesNotSeeTheRun()
    {
        var (dps, provider, _) = await PlacedAsync();
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);
        var response = await session.PostFormAsync("/billing", new() { ["Month"] = "2026-12" });
        var runPath = response.Headers.Location!.OriginalString;
        using var providerSession = await PageSession.SignedInAsync(app, provider.User.Email, provider.User.Password);
        var stranger = await app.Data.CreateUserAsync(Role.Commissioner, (await app.Data.CreateLocalAuthorityAsync()).Id);
        using var strangerSession = await PageSession.SignedInAsync(app, stranger.Email, stranger.Password);
        var officer = await app.Data.OfficerForAsync(dps);
        using var officerSession = await PageSession.SignedInAsync(app, officer.Email, officer.Password);

        var invoices = await providerSession.OpenAsync("/provider/invoices");

        Assert.Contains("£18,600.00", invoices.Text);
        Assert.Contains("1 December 2026 to 31 December 2026", invoices.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerSession.GetAsync(runPath)).StatusCode);
        Assert.Contains("No billing run yet.", (await strangerSession.OpenAsync("/billing")).Text);
        Assert.StartsWith("/error/403", (await officerSession.GetAsync("/billing")).RedirectTarget());
        Assert.StartsWith("/error/403", (await providerSession.GetAsync(runPath)).RedirectTarget());
    }

    [Fact]
    public async Task Billing_NoMonthChosen_ShowsTheErrorSummary()
    {
        var (dps, _, _) = await PlacedAsync();
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var page = PageDocument.Parse(await (await session.PostFormAsync("/billing", new() { ["Month"] = "sometime" })).TextAsync());

        Assert.True(page.HasErrorSummary);
        Assert.Contains("Select the month to bill", page.Text);
    }
}

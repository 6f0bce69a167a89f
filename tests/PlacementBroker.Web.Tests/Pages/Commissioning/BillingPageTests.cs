using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Vocabulary;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Referrals;

namespace PlacementBroker.Web.Tests.Pages.Commissioning;

/// <summary>
/// The billing pages, with Stripe not configured: a month is previewed (the confirmation), run only when confirmed,
/// and its run shows the summary by provider, its CSV, and each placement's child to the authority's own commissioners.
/// </summary>
public class BillingPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string December = "/billing/preview?month=2026-12";

    /// <summary>A child placed from 30 November at £4,200 a week (£600 a day).</summary>
    private async Task<(TestDps Dps, TestProvider Provider, string PlacementId)> PlacedAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, 4200m);
        return (dps, provider, await app.Data.Placement(officer, dps.LotId).With(provider, vacancyId).At(4200m).PlaceAsync());
    }

    private async Task<(string Reference, string Name)> ChildOfAsync(string placementId)
    {
        using var scope = app.Services.CreateScope();
        var child = await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Placements.Where(p => p.Id == Guid.Parse(placementId))
            .Select(p => new { p.Referral!.ChildReference, p.Referral.ChildFirstName, p.Referral.ChildLastName }).SingleAsync();
        return (child.ChildReference, $"{child.ChildFirstName} {child.ChildLastName}");
    }

    private async Task<int> RunsOfAsync(Guid? authorityId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().BillingRuns.CountAsync(r => r.LocalAuthorityId == authorityId);
    }

    private static async Task<string> RunAsync(PageSession session) =>
        (await session.PostFormAsync(December, new() { ["Month"] = "2026-12", ["Confirmed"] = "true" })).RedirectedTo();

    [Fact]
    public async Task Billing_CommissionerPreviewsConfirmsAndSeesTheSummaryEachInvoiceAndEachChild()
    {
        var (dps, provider, placementId) = await PlacedAsync();
        var (reference, name) = await ChildOfAsync(placementId);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var index = await session.OpenAsync("/billing");
        // Today is in November 2026: October is offered first.
        Assert.True(index.IsChosen("2026-10"));
        var preview = await session.OpenAsync(December);

        Assert.Contains("Check the billing for December 2026", preview.Text);
        var row = preview.All("#billing-summary tbody tr").Single();
        Assert.Equal(provider.Name, PageDocument.VisibleText(row.QuerySelector("th")!));
        Assert.Equal(["1", "0", "£18,600.00"], row.QuerySelectorAll("td").Skip(1).Select(c => PageDocument.VisibleText(c)));
        Assert.Contains("1 invoice totalling £18,600.00 will be worked out for December 2026", preview.TextOf("[data-confirm-warning]"));
        Assert.Empty(preview.All("[data-already-run]"));
        Assert.True(preview.HasLinkTo("/billing?month=2026-12"));
        Assert.Equal(0, await RunsOfAsync(dps.Commissioner.LocalAuthorityId));

        var run = await session.PostFormAndOpenAsync(December, new() { ["Month"] = "2026-12", ["Confirmed"] = "true" });

        Assert.Contains("Billing for December 2026: 1 invoice, £18,600.00 in all.", run.Text);
        Assert.Contains($"{provider.Name}: £18,600.00", run.Text);
        Assert.Equal("£18,600.00", run.TextOf("[data-measure=summary-total]"));
        Assert.Contains(run.Links(), l => l.Name == "Download the summary as CSV" && l.Href.EndsWith("?handler=Csv", StringComparison.Ordinal));
        Assert.Contains(Words.NotSentNoPayments, run.Text);
        Assert.DoesNotContain("Stripe not configured", run.Text);
        var line = run.All("tr").Single(r => r.QuerySelector($"th a[href='/placements/{placementId}']") is not null);
        var cells = line.Children.Where(c => c.LocalName is "th" or "td").Select(c => PageDocument.VisibleText(c)).ToList();
        Assert.Matches("^Spot placement [0-9A-F]{8} at .+: 31 days$", cells[0]);
        Assert.Contains(name, cells[1]);
        Assert.Contains($"Case reference {reference}", cells[1]);
        Assert.Equal(["31", "£18,600.00"], cells.Skip(2).Take(2));
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "BillingRunIdentityRead" && a.ActorUserId == dps.Commissioner.Id && a.Detail!.Contains(placementId)));
        }

        // The month again: the check says when and by whom it was run, and running it again creates nothing.
        var again = await session.OpenAsync(December);
        Assert.Matches("December 2026 was already run on \\d+ \\w+ 20\\d\\d by .+ and finished on", again.TextOf("[data-already-run]"));
        Assert.Contains("No new invoice will be raised", again.TextOf("[data-confirm-warning]"));
        var rerun = await session.PostFormAndOpenAsync(December, new() { ["Month"] = "2026-12", ["Confirmed"] = "true" });
        Assert.Equal("1", rerun.TextOf("[data-measure=invoices]"));
        var list = await session.OpenAsync("/billing");
        Assert.Single(list.Addresses(), address => address.Contains("/billing/runs/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Billing_PostsWithoutTheConfirmation_RunNothing()
    {
        var (dps, _, _) = await PlacedAsync();
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var unconfirmed = await session.PostFormAsync(December, new() { ["Month"] = "2026-12" });
        var falsely = await session.PostFormAsync(December, new() { ["Month"] = "2026-12", ["Confirmed"] = "false" });
        var toTheIndex = await session.PostFormAsync("/billing", new() { ["Month"] = "2026-12", ["Confirmed"] = "true" });

        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Check the billing for December 2026", (await unconfirmed.PageAsync()).Text);
        Assert.Equal(HttpStatusCode.OK, falsely.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, toTheIndex.StatusCode);
        Assert.Equal(0, await RunsOfAsync(dps.Commissioner.LocalAuthorityId));
        Assert.Contains("No billing run yet.", (await session.OpenAsync("/billing")).Text);
    }

    [Fact]
    public async Task Billing_AnotherCouncilSeesNeitherTheRunNorItsChildren_TheProviderSeesItsInvoiceWithoutThem()
    {
        var (dps, provider, placementId) = await PlacedAsync();
        var (reference, name) = await ChildOfAsync(placementId);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);
        var runPath = await RunAsync(session);
        using var providerSession = await PageSession.SignedInAsync(app, provider.User.Email, provider.User.Password);
        var stranger = await app.Data.CreateUserAsync(Role.Commissioner, (await app.Data.CreateLocalAuthorityAsync()).Id);
        using var strangerSession = await PageSession.SignedInAsync(app, stranger.Email, stranger.Password);
        var officer = await app.Data.OfficerForAsync(dps);
        using var officerSession = await PageSession.SignedInAsync(app, officer.Email, officer.Password);

        var invoices = await providerSession.OpenAsync("/provider/invoices");

        Assert.Contains("£18,600.00", invoices.Text);
        Assert.Contains("1 December 2026 to 31 December 2026", invoices.Text);
        Assert.DoesNotContain(name, invoices.PageText);
        Assert.DoesNotContain(reference, invoices.PageText);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerSession.GetAsync(runPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerSession.GetAsync($"{runPath}?handler=Csv")).StatusCode);
        var strangerPreview = await strangerSession.OpenAsync(December);
        Assert.Empty(strangerPreview.All("#billing-summary"));
        Assert.DoesNotContain(provider.Name, strangerPreview.Text);
        Assert.Empty(strangerPreview.All("[data-already-run]"));
        Assert.Contains("No billing run yet.", (await strangerSession.OpenAsync("/billing")).Text);
        Assert.StartsWith("/error/403", (await officerSession.GetAsync("/billing")).RedirectTarget());
        Assert.StartsWith("/error/403", (await officerSession.GetAsync(December)).RedirectTarget());
        Assert.StartsWith("/error/403", (await providerSession.GetAsync(runPath)).RedirectTarget());
        Assert.StartsWith("/error/403", (await providerSession.GetAsync($"{runPath}?handler=Csv")).RedirectTarget());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Action == "BillingRunIdentityRead" && (a.ActorUserId == stranger.Id || a.ActorUserId == provider.User.Id)));
    }

    [Fact]
    public async Task BillingCsv_IsTheRunsSummary_WithAProvidersFormulaDefused_AndNoChild()
    {
        var (dps, provider, placementId) = await PlacedAsync();
        var (reference, name) = await ChildOfAsync(placementId);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Providers.Where(p => p.Id == provider.Id)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.Name, "=HYPERLINK(\"http://evil.example\",\"Pay\")"));
        }
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);
        var runPath = await RunAsync(session);

        var response = await session.GetAsync($"{runPath}?handler=Csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("billing-2026-12-01-to-2026-12-31.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("authority,provider,periodStart,periodEnd,placements,blockContracts,total,status", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Pay\"\")\",2026-12-01,2026-12-31,1,0,18600.00,", row);
        Assert.DoesNotContain(name, row);
        Assert.DoesNotContain(reference, row);
    }

    [Fact]
    public async Task BillingPreview_NoMonthChosen_ShowsTheErrorSummary()
    {
        var (dps, _, _) = await PlacedAsync();
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);

        var page = await session.OpenAsync("/billing/preview?month=sometime");

        Assert.True(page.HasErrorSummary);
        Assert.Contains("Select the month to bill", page.Text);
        Assert.Empty(page.All("[data-confirm-warning]"));
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// Leeds' commissioner opens market sufficiency for the demo data: Chart.js draws the charts over their tables,
/// the CSV downloads with the same filters, and the page passes the axe scan.
/// </summary>
public class SufficiencyJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Commissioner_OpensSufficiency_SeesChartsAndTables_DownloadsTheCsv()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("commissioner@leeds.demo.placementbroker.uk", "Demo-Passw0rd!");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sufficiency", Exact = true }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sufficiency$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Market sufficiency", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table).First).ToBeVisibleAsync();
        await Expect(page.Locator("#outcomes")).ToBeVisibleAsync();
        Assert.True(await page.Locator("canvas[data-chart]").CountAsync() >= 1);
        // Chart.js has drawn: it sizes the canvas it owns.
        await page.WaitForFunctionAsync("() => window.Chart && Array.from(document.querySelectorAll('canvas[data-chart]')).some(c => window.Chart.getChart(c))");
        await page.AssertNoSeriousViolationsAsync();

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download as CSV" }).ClickAsync());
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path);
        Assert.StartsWith("section,measure,label,value", csv.TrimStart('\uFEFF'));
        Assert.EndsWith(".csv", download.SuggestedFilename);

        await page.GotoAsync("/sufficiency?from=2020-01-01&to=2020-12-31&scope=authority");
        await Expect(page.Locator("[data-measure=referrals]")).ToHaveTextAsync("0");
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task Commissioner_ComparesProviders_AndAProviderSeesItsOwnScorecard()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("commissioner@leeds.demo.placementbroker.uk", "Demo-Passw0rd!");

        await page.FollowNavigationAsync("Provider performance");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Provider performance", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => window.Chart && window.Chart.getChart(document.querySelector('canvas[data-chart-table=most-referred]'))");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Sort by").SelectOptionAsync("Lowest response rate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=response"));
        var first = page.Locator("#scorecards tbody tr th a").First;
        var name = await first.InnerTextAsync();
        await first.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-measure=referralsReceived]")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        var provider = await site.NewPageAsync();
        await provider.SignInAsync("referrals@pennine-care-homes.demo.placementbroker.uk", "Demo-Passw0rd!");
        await provider.FollowNavigationAsync("Performance");
        await Expect(provider.GetByRole(AriaRole.Heading, new() { Name = "Your performance", Level = 1 })).ToBeVisibleAsync();
        await Expect(provider.Locator("[data-measure=responseRate]")).ToBeVisibleAsync();
        await provider.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task Commissioner_DraftsAndPublishesTheSufficiencyStatement()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("commissioner@wakefield.demo.placementbroker.uk", "Demo-Passw0rd!");
        await page.GotoAsync("/sufficiency");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sufficiency statements" }).ClickAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the draft" }).ClickAsync();
        await Expect(page.GetByText("was started")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Introduction", new() { Exact = true }).FillAsync("Wakefield looks after 600 children.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Write the commissioning intentions before publishing");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Commissioning intentions", new() { Exact = true }).FillAsync("Open two local homes for older children.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();

        await Expect(page.GetByText("is published")).ToBeVisibleAsync();
        await Expect(page.GetByText("Open two local homes for older children.")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => window.Chart && window.Chart.getChart(document.querySelector('canvas[data-chart-table=statement-by-month]'))");
        await Expect(page.Locator("[data-measure=placed]")).Not.ToHaveTextAsync("0 (0%)");
        await page.AssertNoSeriousViolationsAsync();
    }
}

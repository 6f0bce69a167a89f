using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// Bradford's commissioner bills last month over the demo history: chooses the month, checks what it will raise,
/// confirms, reads the summary, each invoice and the child on each line, downloads the summary as CSV, and is told the
/// month was already run when choosing it again. axe scans every page.
/// </summary>
public class BillingJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Commissioner_PreviewsConfirmsAndRunsBillingForAMonth_SeesTheSummaryAndDownloadsIt()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("commissioner@bradford.demo.placementbroker.uk", "Demo-Passw0rd!");

        await page.GetByRole(AriaRole.Link, new() { Name = "Billing", Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Billing", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        var month = await page.Locator("#Month option:checked").InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // The check: what the run will raise, and nothing run yet.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Check the billing for {month}", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#billing-summary tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-confirm-warning]")).ToContainTextAsync($"for {month}");
        await Expect(page.Locator("[data-already-run]")).ToHaveCountAsync(0);
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.GetByText("No billing run yet.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Run billing for {month}" }).ClickAsync();

        // The run: the summary by provider, each invoice with the child on each placement's line.
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"Billing for {month}");
        await Expect(page.Locator("#billing-summary tbody tr").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("section[data-invoice]").CountAsync() >= 1);
        await Expect(page.Locator("[data-measure=total]")).Not.ToHaveTextAsync("£0.00");
        await Expect(page.Locator("[data-measure=summary-total]")).ToHaveTextAsync(await page.Locator("[data-measure=total]").InnerTextAsync());
        await Expect(page.Locator("td[data-child]", new() { HasText = "Case reference" }).First).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the summary as CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("authority,provider,periodStart,periodEnd,placements,blockContracts,total,status", csv, StringComparison.Ordinal);
        Assert.Contains("Bradford", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Case reference", csv, StringComparison.Ordinal);

        // Choosing the month again says when and by whom it was run.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to billing" }).ClickAsync();
        await Expect(page.Locator("#runs tbody tr")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator("[data-already-run]")).ToContainTextAsync($"{month} was already run on");
        await Expect(page.Locator("[data-confirm-warning]")).ToContainTextAsync("No new invoice will be raised");
        await page.AssertNoSeriousViolationsAsync();
    }
}

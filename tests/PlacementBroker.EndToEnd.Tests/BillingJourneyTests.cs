using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>Bradford's commissioner runs billing for last month over the demo history and reads the invoices; axe scans pass.</summary>
public class BillingJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Commissioner_RunsBillingForAMonth_SeesTheInvoices()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("commissioner@bradford.demo.placementbroker.uk", "Demo-Passw0rd!");

        await page.GetByRole(AriaRole.Link, new() { Name = "Billing", Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Billing", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run billing" }).ClickAsync();

        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Billing for");
        await Expect(page.Locator("section[data-invoice]").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("section[data-invoice]").CountAsync() >= 1);
        await Expect(page.Locator("[data-measure=total]")).Not.ToHaveTextAsync("£0.00");
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to billing" }).ClickAsync();
        await Expect(page.Locator("#runs tbody tr")).ToHaveCountAsync(1);
    }
}

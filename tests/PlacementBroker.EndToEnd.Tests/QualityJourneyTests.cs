using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// Leeds' QA officer raises a critical safeguarding flag on Pennine Care Homes through the form: the provider shows
/// red with the reason; resolving the flag lifts it. The platform admin imports the Ofsted register. Every page is scanned.
/// </summary>
public class QualityJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task QaOfficer_RaisesACriticalFlag_ProviderIsRed_ResolvingLiftsIt()
    {
        Guid providerId;
        using (var scope = site.Services.CreateScope())
        {
            providerId = await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Providers
                .Where(p => p.Name == "Pennine Care Homes Ltd").Select(p => p.Id).SingleAsync();
        }
        var page = await site.NewPageAsync();
        await page.SignInAsync("qa.officer@leeds.demo.placementbroker.uk", "Demo-Passw0rd!");

        await page.GetByRole(AriaRole.Link, new() { Name = "QA", Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "QA work queue", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.GotoAsync($"/qa/providers/{providerId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pennine Care Homes Ltd", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-qa-status=Red]")).ToHaveCountAsync(0);
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Raise a flag" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Raise a flag", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Safeguarding", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Critical", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync("Allegation against a member of night staff; LADO informed");
        await page.GetByLabel("Evidence references (optional)").FillAsync("LADO ref 2026-0457");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise flag" }).ClickAsync();
        // A critical flag suspends the provider: the check says so, then the officer confirms.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Are you sure you want to raise a critical flag?", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-confirm-warning]")).ToContainTextAsync("Pennine Care Homes Ltd will be shown as red, suspended from all its lots");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise critical flag" }).ClickAsync();

        await Expect(page.Locator("[data-qa-status=Red]")).ToHaveTextAsync("Red");
        await Expect(page.GetByText("Open critical flag: Allegation against a member of night staff; LADO informed")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Resolve flag: Allegation against a member of night staff; LADO informed" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Resolve a flag", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Resolution").FillAsync("LADO investigation closed as unfounded; safer recruitment checks re-run");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve flag" }).ClickAsync();

        await Expect(page.GetByText("The critical flag is resolved")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-qa-status=Red]")).ToHaveCountAsync(0);
        await Expect(page.GetByText("LADO investigation closed as unfounded; safer recruitment checks re-run")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // The Ofsted register is national data: its import is the platform admin's, sent by upload-progress.js,
        // and the result replaces the form without leaving the page.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ofsted import" })).ToHaveCountAsync(0);
        page = await site.NewPageAsync();
        await page.SignInAsAdminAsync(site);
        await page.FollowNavigationAsync("Ofsted import");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import the Ofsted register", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Ofsted provider list (CSV)").SetInputFilesAsync(new FilePayload
        {
            Name = "ofsted.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("URN,Overall effectiveness,Inspection date\nSC000001,Good,01/02/2026\n,Good,01/02/2026\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ofsted register imported" })).ToBeVisibleAsync();
        await Expect(page.GetByText("No URN")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
    }
}

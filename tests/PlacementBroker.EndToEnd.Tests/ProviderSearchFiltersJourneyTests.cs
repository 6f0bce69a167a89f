using Microsoft.Playwright;
using PlacementBroker.Core.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// A QA officer narrows the provider search by Ofsted grade, then by QA status, as the filters read on the page, and
/// acts from a result (records a visit). Every page is scanned with axe.
/// </summary>
public class ProviderSearchFiltersJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task QaOfficer_FiltersByGradeThenByStatus_AndRecordsAVisitFromAResult()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("qa.officer@leeds.demo.placementbroker.uk", DemoDataSeeder.DemoPassword);
        await page.FollowNavigationAsync("Find a provider");
        await page.AssertNoSeriousViolationsAsync();

        // By grade: each provider found has a setting of that grade, in words.
        const string grade = "Requires improvement to be good";
        await page.GetByLabel("Ofsted grade").SelectOptionAsync(new SelectOptionValue { Label = grade });
        await page.GetByLabel("QA status").SelectOptionAsync(new SelectOptionValue { Label = "Any status" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var results = page.GetByTestId("provider-result");
        await Expect(results.First).ToBeVisibleAsync();
        foreach (var result in await results.AllAsync())
        {
            await Expect(result).ToContainTextAsync(grade);
        }
        await Expect(page.GetByLabel("Ofsted grade").Locator("option:checked")).ToHaveTextAsync(grade);
        await page.AssertNoSeriousViolationsAsync();

        // Then by the QA status the first of them has: it is still found, and every result has that status.
        var first = results.First;
        var name = (await first.Locator(".govuk-summary-card__title").InnerTextAsync()).Trim();
        var status = (await first.Locator("[data-qa-status]").InnerTextAsync()).Trim();
        await page.GetByLabel("QA status").SelectOptionAsync(new SelectOptionValue { Label = status });
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(results.Filter(new() { HasText = name })).ToHaveCountAsync(1);
        foreach (var result in await results.AllAsync())
        {
            await Expect(result.Locator("[data-qa-status]")).ToHaveTextAsync(status);
            await Expect(result).ToContainTextAsync(grade);
        }
        await page.AssertNoSeriousViolationsAsync();

        await results.Filter(new() { HasText = name }).GetByRole(AriaRole.Link, new() { Name = $"Record a visit to {name}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Record a visit", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(name);
        await page.AssertNoSeriousViolationsAsync();
    }
}

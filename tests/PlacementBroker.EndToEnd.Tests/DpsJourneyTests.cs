using Microsoft.Playwright;
using PlacementBroker.Core.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// The supply side end to end: a provider registers, adds a setting and applies to a lot; the lead authority's
/// commissioner sees the application due and admits it; the provider publishes a vacancy. Every page is scanned.
/// </summary>
public class DpsJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string Lot = "Lot 4: Residential children's homes";

    [Fact]
    public async Task Provider_RegistersAppliesIsAdmittedAndPublishesAVacancy()
    {
        var provider = await site.NewPageAsync();
        await provider.GotoAsync("/providers/register");
        await provider.GetByLabel("Organisation name").FillAsync("Kirkstall Bridge Homes Ltd");
        await provider.GetByLabel("Type of provider").SelectOptionAsync("ResidentialChildrensHome");
        await provider.GetByLabel("Companies House or Charity Commission number").FillAsync("09123456");
        await provider.GetByLabel("Referrals contact email address").FillAsync("referrals@kirkstallbridge.example");
        await provider.GetByLabel("Full name").FillAsync("Sam Kirkstall");
        await provider.GetByLabel("Email address", new() { Exact = true }).FillAsync("sam@kirkstallbridge.example");
        await provider.GetByLabel("Create a password").FillAsync("Kirkstall-Passw0rd!");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(provider.GetByRole(AriaRole.Heading, new() { Name = "Check your email", Level = 1 })).ToBeVisibleAsync();
        await provider.AssertNoSeriousViolationsAsync();
        await provider.SignInAsync("sam@kirkstallbridge.example", "Kirkstall-Passw0rd!");
        await Expect(provider.GetByRole(AriaRole.Heading, new() { Name = "Your organisation", Level = 1 })).ToBeVisibleAsync();
        await Expect(provider.GetByTestId("verification-banner")).ToBeVisibleAsync();

        // The emailed link (kept in the outbox on the demo site) confirms the address and verifies the organisation.
        await provider.GotoAsync("/emails");
        await provider.GetByRole(AriaRole.Link, new() { Name = "Confirm your email address for PlacementBroker" }).ClickAsync();
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(await provider.Locator(".app-email").InnerTextAsync(), @"https?://\S+/Account/ConfirmEmail\?code=\S+").Value);
        await provider.GotoAsync(link.PathAndQuery);
        await provider.AssertNoSeriousViolationsAsync();
        await provider.GetByRole(AriaRole.Button, new() { Name = "Confirm email address" }).ClickAsync();
        await Expect(provider.GetByRole(AriaRole.Heading, new() { Name = "Email address confirmed" })).ToBeVisibleAsync();
        await provider.AssertNoSeriousViolationsAsync();

        // A setting, located from its postcode.
        await provider.GotoAsync("/provider/settings");
        await provider.AssertNoSeriousViolationsAsync();
        await provider.GetByRole(AriaRole.Link, new() { Name = "Add a setting" }).ClickAsync();
        await provider.AssertNoSeriousViolationsAsync();
        await provider.GetByLabel("Name of the setting").FillAsync("Kirkstall Bridge House");
        await provider.GetByLabel("Ofsted unique reference number (URN)").FillAsync("SC998877");
        await provider.GetByLabel("Postcode").FillAsync("LS5 3BT");
        await provider.GetByLabel("Good", new() { Exact = true }).CheckAsync();
        await provider.GetByLabel("Registered places").FillAsync("4");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Add setting" }).ClickAsync();
        await Expect(provider.GetByText("Kirkstall Bridge House").First).ToBeVisibleAsync();
        await provider.AssertNoSeriousViolationsAsync();

        // Apply: the task list, one question at a time, check answers, submit.
        await provider.GotoAsync("/provider/dps");
        await provider.AssertNoSeriousViolationsAsync();
        await provider.GetByRole(AriaRole.Button, new() { Name = $"Apply to {Lot}" }).ClickAsync();
        await Expect(provider.Locator(".govuk-task-list").First).ToBeVisibleAsync();
        await provider.AssertNoSeriousViolationsAsync();
        // The first task list holds the questions; the second, checking answers.
        var incomplete = provider.Locator(".govuk-task-list").First.Locator(".govuk-task-list__item:has(.govuk-tag--blue) a.govuk-task-list__link");
        for (var answered = 0; answered < 5; answered++)
        {
            await incomplete.First.ClickAsync();
            await provider.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
            await provider.AssertNoSeriousViolationsAsync();
            await provider.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        }
        await Expect(incomplete).ToHaveCountAsync(0);
        await provider.GetByRole(AriaRole.Link, new() { Name = "Check your answers" }).ClickAsync();
        await provider.AssertNoSeriousViolationsAsync();
        await provider.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();
        // Submitted on Monday 23 November 2026: ten working days later.
        await Expect(provider.GetByText("7 December 2026").First).ToBeVisibleAsync();
        await provider.AssertNoSeriousViolationsAsync();

        // The lead authority's commissioner sees it due and admits it.
        var commissioner = await site.NewPageAsync();
        await commissioner.SignInAsync("commissioner@leeds.demo.placementbroker.uk", DemoDataSeeder.DemoPassword);
        await commissioner.GotoAsync("/applications");
        var row = commissioner.Locator("tr", new() { HasText = "Kirkstall Bridge Homes Ltd" });
        await Expect(row).ToContainTextAsync("7 December 2026");
        await Expect(row).ToContainTextAsync("working days left");
        await commissioner.AssertNoSeriousViolationsAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = "Kirkstall Bridge Homes Ltd" }).ClickAsync();
        await commissioner.AssertNoSeriousViolationsAsync();
        await commissioner.GetByLabel("Admit", new() { Exact = true }).CheckAsync();
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        // The check before the irreversible: what admitting does, then confirm.
        await Expect(commissioner.GetByRole(AriaRole.Heading, new() { Name = $"Are you sure you want to admit Kirkstall Bridge Homes Ltd to {Lot}?", Level = 1 })).ToBeVisibleAsync();
        await Expect(commissioner.Locator("[data-confirm-warning]")).ToContainTextAsync("can publish vacancies in the lot and receive its referrals");
        await commissioner.AssertNoSeriousViolationsAsync();
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Admit Kirkstall Bridge Homes Ltd" }).ClickAsync();
        await Expect(commissioner.GetByText("Admitted").First).ToBeVisibleAsync();
        await commissioner.AssertNoSeriousViolationsAsync();

        // Admitted, the provider publishes a vacancy in the lot.
        await provider.GotoAsync("/provider/vacancies/new");
        await provider.AssertNoSeriousViolationsAsync();
        await provider.GetByLabel("Setting").SelectOptionAsync(new SelectOptionValue { Label = "Kirkstall Bridge House" });
        await provider.GetByLabel("Lot", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{Lot} (West Yorkshire Children's Placements DPS)" });
        await provider.GetByLabel("Number of places").FillAsync("1");
        await provider.GetByLabel("Youngest age accepted").FillAsync("10");
        await provider.GetByLabel("Oldest age accepted").FillAsync("17");
        await provider.GetByLabel("Female", new() { Exact = true }).CheckAsync();
        await provider.GetByLabel("Male", new() { Exact = true }).CheckAsync();
        await provider.GetByLabel("Emotional and behavioural").CheckAsync();
        await provider.GetByLabel("Weekly price").FillAsync("5150");
        await provider.GetByLabel("Day").FillAsync("30");
        await provider.GetByLabel("Month").FillAsync("11");
        await provider.GetByLabel("Year").FillAsync("2026");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Publish vacancy" }).ClickAsync();
        var vacancy = provider.Locator("tr", new() { HasText = "Kirkstall Bridge House" });
        await Expect(vacancy).ToContainTextAsync("Open");
        await Expect(vacancy).ToContainTextAsync("£5,150");
        await provider.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task Commissioner_SetsTheRankingWeights()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("commissioner@leeds.demo.placementbroker.uk", DemoDataSeeder.DemoPassword);
        await page.GotoAsync("/dps");
        await page.GetByRole(AriaRole.Link, new() { Name = "West Yorkshire Children's Placements DPS" }).First.ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Ranking weights" }).ClickAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Distance from home (up to 20 points)").FillAsync("ten");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the weights" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a weight for distance from home");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Distance from home (up to 20 points)").FillAsync("1.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the weights" }).ClickAsync();

        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The ranking weights are saved");

        // A lot's prices: the demo's year of placements judges offers by their own quartiles.
        await page.Locator("a[href$='/prices']", new() { HasText = "Lot 1: Standard fostering" }).ClickAsync();
        await Expect(page.Locator("#markets")).ToContainTextAsync("Every placement in the lot");
        await Expect(page.Locator("#markets tbody tr").First).ToContainTextAsync("Yes");
        await page.AssertNoSeriousViolationsAsync();
    }
}

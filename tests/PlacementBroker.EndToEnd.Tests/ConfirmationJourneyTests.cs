using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PlacementBroker.Core;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// Confirm before the irreversible, walked in the browser with axe on every page: a provider withdraws an offer from its
/// check page (and can still cancel), and the officer's referral lists it as withdrawn as it happens; a commissioner reads
/// the applicant's settings, Ofsted grades and QA status, then rejects the application only after the check says what
/// rejecting does.
/// </summary>
public class ConfirmationJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Provider_WithdrawsAnOfferAfterItsCheck_AndTheOfficersReferralShowsItWithdrawn()
    {
        var (_, officer, provider, vacancyId, referralId) = await site.ReferralWithAFittingVacancyAsync();
        await site.Data.Offer(provider, referralId, vacancyId).At(5000m).SubmitAsync();

        // The officer has the referral open while the provider changes its mind.
        var officerPage = await site.NewPageAsync();
        await officerPage.SignInAsync(officer.Email, officer.Password);
        await officerPage.GotoAsync($"/referrals/{referralId}");
        var card = officerPage.Locator("[data-offer-id]").Filter(new() { HasText = provider.Name });
        await Expect(card).ToContainTextAsync("Offered");
        await Expect(officerPage.GetByRole(AriaRole.Link, new() { Name = $"Accept this offer from {provider.Name}" })).ToBeVisibleAsync();
        await officerPage.AssertNoSeriousViolationsAsync();

        var page = await site.NewPageAsync();
        await page.SignInAsync(provider.User.Email, provider.User.Password);
        await page.GotoAsync($"/provider/referrals/{referralId}");
        await page.AssertNoSeriousViolationsAsync();

        // The check says what withdrawing does; cancelling changes nothing.
        await page.GetByRole(AriaRole.Link, new() { Name = "Withdraw your offer of" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Withdraw your offer of .+\\?$"), Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#what-happens")).ToContainTextAsync("£5,000");
        await Expect(page.Locator("#what-happens")).ToContainTextAsync("£260,000");
        await Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("The placing officer can no longer accept it");
        await Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("You cannot undo this");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/provider/referrals/{referralId}$"));
        await Expect(card).ToContainTextAsync("Offered");
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Withdraw your offer of" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw offer" }).ClickAsync();
        await Expect(page.GetByText("Your offer is withdrawn")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Withdraw your offer of" })).ToHaveCountAsync(0);
        await page.AssertNoSeriousViolationsAsync();

        // The officer's open page shows it withdrawn without a refresh: out of the ranking, nothing left to accept.
        var withdrawn = officerPage.Locator("#withdrawn-offers [data-withdrawn-offer]");
        await Expect(withdrawn).ToHaveCountAsync(1);
        await Expect(withdrawn).ToContainTextAsync($"{provider.Name}, ");
        await Expect(withdrawn).ToContainTextAsync("£5,000 a week, withdrawn 23 November 2026");
        await Expect(card).ToHaveCountAsync(0);
        await Expect(officerPage.GetByRole(AriaRole.Link, new() { Name = $"Accept this offer from {provider.Name}" })).ToHaveCountAsync(0);
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.ReloadAsync();
        await Expect(officerPage.Locator("#offers")).ToContainTextAsync("No offers open now.");
        await Expect(withdrawn).ToHaveCountAsync(1);
        await officerPage.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task Commissioner_ReadsTheApplicantsSettingsGradesAndQaStatus_AndRejectsOnlyAfterTheCheck()
    {
        var dps = await site.Data.CreateDpsAsync();
        var provider = await site.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome, name: $"Calder Vale Homes {Guid.NewGuid().ToString("N")[..8]} Ltd");
        await site.Data.Setting(provider).Named("Calder Lodge").Graded(OfstedGrade.RequiresImprovement).CreateAsync();
        await site.Data.Setting(provider).Named("Hebble House").Graded(OfstedGrade.Outstanding).CreateAsync();
        await site.Data.ApplyAsync(provider, dps, admit: false);

        var page = await site.NewPageAsync();
        await page.SignInAsync(dps.Commissioner.Email, dps.Commissioner.Password);
        await page.GotoAsync("/applications");
        await page.AssertNoSeriousViolationsAsync();
        await page.Locator("tr", new() { HasText = provider.Name }).GetByRole(AriaRole.Link, new() { Name = provider.Name }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Application from {provider.Name}", Level = 1 })).ToBeVisibleAsync();

        // What the commissioner weighs: each open setting with its Ofsted grade in words, and the provider's QA status.
        var standing = page.GetByTestId("provider-standing");
        var settings = standing.GetByTestId("provider-setting");
        await Expect(settings).ToHaveCountAsync(2);
        await Expect(settings.Filter(new() { HasText = "Calder Lodge" })).ToContainTextAsync("Requires improvement to be good");
        await Expect(settings.Filter(new() { HasText = "Hebble House" })).ToContainTextAsync("Outstanding");
        await Expect(settings.First).ToContainTextAsync("Ofsted URN");
        await Expect(standing.Locator("[data-qa-status]")).ToHaveTextAsync(new Regex("^(Green|Amber|Red)$"));
        Assert.DoesNotMatch(new Regex(@"\bRI\b|RequiresImprovement"), await standing.InnerTextAsync());
        await page.AssertNoSeriousViolationsAsync();

        // Rejecting without reasons is refused at the field; nothing is decided.
        await page.GetByLabel("Reject", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reasons for rejecting the application");
        await page.AssertNoSeriousViolationsAsync();

        // With reasons: the check says what will happen; cancelling leaves it waiting.
        await page.GetByLabel("Reject", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Reasons").FillAsync("No registered manager at Calder Lodge since September");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Are you sure you want to reject the application from {provider.Name}?", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-confirm-warning]")).ToContainTextAsync($"we will email {provider.Name} your reasons");
        await Expect(page.Locator("[data-confirm-warning]")).ToContainTextAsync("A decision cannot be changed");
        await Expect(page.Locator("main")).ToContainTextAsync("No registered manager at Calder Lodge since September");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record decision" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByLabel("Reject", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Reasons").FillAsync("No registered manager at Calder Lodge since September");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject the application" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"{provider.Name}'s application to");
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("was rejected");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record decision" })).ToHaveCountAsync(0);
        await Expect(page.Locator("main")).ToContainTextAsync("Rejected");
        await page.AssertNoSeriousViolationsAsync();

        // The provider reads the reasons.
        var providerPage = await site.NewPageAsync();
        await providerPage.SignInAsync(provider.User.Email, provider.User.Password);
        await providerPage.GotoAsync("/provider/applications");
        await Expect(providerPage.Locator("tr", new() { HasText = "No registered manager at Calder Lodge since September" })).ToContainTextAsync("Rejected");
        await providerPage.AssertNoSeriousViolationsAsync();
    }
}

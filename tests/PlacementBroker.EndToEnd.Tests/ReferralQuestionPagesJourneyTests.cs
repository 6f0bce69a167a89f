using Microsoft.Playwright;
using PlacementBroker.Core.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// A Leeds placing officer makes a referral one question at a time: a blank answer is refused on its own page, the
/// back link returns to the previous question with its answers, "Save and come back later" leaves for the referrals
/// list, and after signing out and in again the referral carries on from the list at the first question not done.
/// The last question leads to check your answers, whose Change link opens its own question and comes back; then the
/// referral is sent. Another unfinished referral is deleted after a confirmation. Every page is scanned with axe.
/// </summary>
public class ReferralQuestionPagesJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string Officer = "placing.officer@leeds.demo.placementbroker.uk";

    [Fact]
    public async Task Referral_AsQuestionPages_SavedToComeBackLater_ContinuedFromTheList_CheckedChangedAndSent()
    {
        var officer = await site.NewPageAsync();
        await officer.SignInAsync(Officer, DemoDataSeeder.DemoPassword);
        await officer.GotoAsync("/referrals");
        await officer.AssertNoSeriousViolationsAsync();
        await officer.GetByRole(AriaRole.Link, new() { Name = "Make a referral" }).ClickAsync();

        // The first question, answered blank, is refused with its own errors only.
        await officer.OnQuestionAsync("The placement");
        await officer.ContinueAsync();
        var summary = officer.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync("Select the lot (the type of placement)");
        await Expect(summary).Not.ToContainTextAsync("first name");
        await officer.AssertNoSeriousViolationsAsync();
        await officer.AnswerPlacementAsync();
        await officer.ContinueAsync();
        await officer.AnswerChildAsync("LCC-E2E-QP-1", "Poppy", "Questionpages");
        await officer.ContinueAsync();
        await officer.AnswerNeedsAsync();
        await officer.ContinueAsync();

        // Back to the previous question, its answers kept.
        await officer.OnQuestionAsync("Where the child lives");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await officer.OnQuestionAsync("Needs and risks");
        await Expect(officer.GetByRole(AriaRole.Group, new() { Name = "What are the child's needs?" }).GetByLabel("Self-harm", new() { Exact = true })).ToBeCheckedAsync();
        await officer.ContinueAsync();

        // Half the location answered, then saved to come back later; nobody is asked for latitude or longitude.
        await officer.OnQuestionAsync("Where the child lives");
        await Expect(officer.Locator("main")).Not.ToContainTextAsync("atitude");
        await officer.GetByLabel("Child's home postcode or postcode district").FillAsync("LS6 3QN");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Save and come back later" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Referrals", Level = 1 })).ToBeVisibleAsync();
        await Expect(officer.Locator(".govuk-notification-banner")).ToContainTextAsync("Your answers are saved");
        var unfinished = officer.GetByTestId("unfinished");
        await Expect(unfinished).ToContainTextAsync("Poppy Questionpages");
        await Expect(unfinished).ToContainTextAsync("Not finished");
        await officer.AssertNoSeriousViolationsAsync();

        // Signed out and in again, the referral carries on from the list at the question not yet done.
        await officer.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await officer.SignInAsync(Officer, DemoDataSeeder.DemoPassword);
        await officer.GotoAsync("/referrals?status=Draft");
        await officer.AssertNoSeriousViolationsAsync();
        await officer.GetByTestId("unfinished").GetByRole(AriaRole.Link, new() { Name = "Continue the referral for Poppy Questionpages" }).ClickAsync();
        await officer.OnQuestionAsync("Where the child lives");
        await Expect(officer.GetByLabel("Child's home postcode or postcode district")).ToHaveValueAsync("LS6 3QN");
        await officer.GetByLabel("Maximum distance from home").FillAsync("20");
        await officer.ContinueAsync();
        await officer.AnswerBudgetAsync();
        await officer.ContinueAsync();

        // Check your answers; a Change link opens its own question and comes back.
        await officer.OnQuestionAsync("Check your answers before sending");
        await Expect(officer.Locator("main")).ToContainTextAsync("Poppy Questionpages");
        await Expect(officer.Locator("main")).ToContainTextAsync("LS6 3QN");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Change the maximum distance" }).ClickAsync();
        await officer.OnQuestionAsync("Where the child lives");
        await officer.GetByLabel("Maximum distance from home").FillAsync("25");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Save and return to check your answers" }).ClickAsync();
        await officer.OnQuestionAsync("Check your answers before sending");
        await Expect(officer.Locator("main")).ToContainTextAsync("25 miles");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Send to providers" }).ClickAsync();

        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Poppy Questionpages", Level = 1 })).ToBeVisibleAsync();
        await Expect(officer.Locator(".govuk-notification-banner")).ToContainTextAsync("Your referral was sent to");
        await officer.AssertNoSeriousViolationsAsync();
        await officer.GotoAsync("/referrals?status=Draft");
        await Expect(officer.GetByTestId("unfinished")).ToHaveCountAsync(0);

        // Another started and left: deleted from the list after a confirmation.
        await officer.GotoAsync("/referrals/new");
        await officer.AnswerPlacementAsync();
        await officer.ContinueAsync();
        await officer.AnswerChildAsync("LCC-E2E-QP-2", "Rowan", "Leftbehind");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Save and come back later" }).ClickAsync();
        await officer.GetByTestId("unfinished").GetByRole(AriaRole.Link, new() { Name = "Delete the referral for Rowan Leftbehind" }).ClickAsync();
        await officer.OnQuestionAsync("Delete the unfinished referral for Rowan Leftbehind?");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Delete referral" }).ClickAsync();
        await Expect(officer.Locator(".govuk-notification-banner")).ToContainTextAsync("The unfinished referral is deleted");
        await Expect(officer.GetByTestId("unfinished")).ToHaveCountAsync(0);
        await officer.AssertNoSeriousViolationsAsync();
    }
}

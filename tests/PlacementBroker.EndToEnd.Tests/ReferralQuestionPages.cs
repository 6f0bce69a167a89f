using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// Making a referral as a Leeds placing officer does: one question page at a time, from "Make a referral" on the
/// referrals list to check your answers, each page scanned with axe. The answers: a 14-year-old girl from LS6 3QN in
/// the demo DPS's residential lot, planned from 30 November 2026, within 20 miles, £6,500 a week, offers by
/// 25 November 2026 at 5pm.
/// </summary>
public static class ReferralQuestionPages
{
    public const string ResidentialLot = "Lot 4: Residential children's homes (West Yorkshire Children's Placements DPS)";

    public static Task ContinueAsync(this IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

    /// <summary>The question page with this heading is shown and passes axe.</summary>
    public static async Task OnQuestionAsync(this IPage page, string heading)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
    }

    public static async Task AnswerPlacementAsync(this IPage page)
    {
        await page.OnQuestionAsync("The placement");
        await page.GetByLabel("Lot (type of placement)").SelectOptionAsync(new SelectOptionValue { Label = ResidentialLot });
        await page.GetByRole(AriaRole.Radio, new() { Name = "Planned" }).CheckAsync();
        await page.FillDateAsync("Required start date", "30", "11", "2026");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Long-term or permanent" }).CheckAsync();
    }

    public static async Task AnswerChildAsync(this IPage page, string reference, string firstName, string lastName)
    {
        await page.OnQuestionAsync("The child");
        await page.GetByLabel("Child's case reference").FillAsync(reference);
        await page.GetByLabel("First name").FillAsync(firstName);
        await page.GetByLabel("Last name").FillAsync(lastName);
        await page.FillDateAsync("Date of birth", "17", "5", "2012");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Female" }).CheckAsync();
    }

    public static async Task AnswerNeedsAsync(this IPage page)
    {
        await page.OnQuestionAsync("Needs and risks");
        var needs = page.GetByRole(AriaRole.Group, new() { Name = "What are the child's needs?" });
        await needs.GetByLabel("Emotional and behavioural", new() { Exact = true }).CheckAsync();
        await needs.GetByLabel("Self-harm", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("The placement must meet this need: Emotional and behavioural").CheckAsync();
    }

    public static async Task AnswerLocationAsync(this IPage page)
    {
        await page.OnQuestionAsync("Where the child lives");
        await page.GetByLabel("Child's home postcode or postcode district").FillAsync("LS6 3QN");
        await page.GetByLabel("Maximum distance from home").FillAsync("20");
    }

    public static async Task AnswerBudgetAsync(this IPage page)
    {
        await page.OnQuestionAsync("Budget and deadline");
        await page.GetByLabel("Weekly budget").FillAsync("6500");
        await page.FillDateAsync("Offers are due by: date", "25", "11", "2026");
        await page.GetByLabel("Offers are due by: time").FillAsync("5pm");
    }

    /// <summary>From the referrals list, every question answered and continued: ends on check your answers.</summary>
    public static async Task WriteReferralAsync(this IPage page, string reference, string firstName, string lastName)
    {
        await page.GotoAsync("/referrals");
        await page.GetByRole(AriaRole.Link, new() { Name = "Make a referral" }).ClickAsync();
        await page.AnswerPlacementAsync();
        await page.ContinueAsync();
        await page.AnswerChildAsync(reference, firstName, lastName);
        await page.ContinueAsync();
        await page.AnswerNeedsAsync();
        await page.ContinueAsync();
        await page.AnswerLocationAsync();
        await page.ContinueAsync();
        await page.AnswerBudgetAsync();
        await page.ContinueAsync();
        await page.OnQuestionAsync("Check your answers before sending");
    }

    public static async Task FillDateAsync(this IPage page, string legend, string day, string month, string year)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend });
        await group.GetByLabel("Day").FillAsync(day);
        await group.GetByLabel("Month").FillAsync(month);
        await group.GetByLabel("Year").FillAsync(year);
    }
}

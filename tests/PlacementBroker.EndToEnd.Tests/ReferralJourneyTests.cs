using Microsoft.Playwright;
using PlacementBroker.Core.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// The marketplace live, in two browsers: a Leeds placing officer writes and sends a referral in the demo DPS's
/// residential lot and keeps its page open; Pennine Care Homes (admitted to the lot, with a vacancy at Low Green
/// that fits) sees it arrive in its inbox and makes an offer; the officer's page shows the offer, ranked and
/// explained, without being reloaded. Every page visited is scanned with axe.
/// </summary>
public class ReferralJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string Officer = "placing.officer@leeds.demo.placementbroker.uk";
    private const string Provider = "referrals@pennine-care-homes.demo.placementbroker.uk";
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 20_000 };

    [Fact]
    public async Task Referral_SentByTheOfficer_ReachesTheProviderAndItsOfferComesBackLive()
    {
        // The provider watches its inbox before anything is sent.
        var provider = await site.NewPageAsync();
        await provider.SignInAsync(Provider, DemoDataSeeder.DemoPassword);
        await provider.GotoAsync("/provider/referrals");
        await Expect(provider.GetByRole(AriaRole.Heading, new() { Name = "Referrals", Level = 1 })).ToBeVisibleAsync();
        await Expect(provider.Locator("#live-status")).ToHaveTextAsync("Live: new referrals appear here automatically", new() { Timeout = 20_000 });
        await provider.AssertNoSeriousViolationsAsync();
        await provider.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        // The officer writes the referral, checks it and sends it.
        var officer = await site.NewPageAsync();
        await officer.SignInAsync(Officer, DemoDataSeeder.DemoPassword);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Referrals", Exact = true }).First.ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Referrals", Level = 1 })).ToBeVisibleAsync();
        await officer.AssertNoSeriousViolationsAsync();
        await officer.WriteReferralAsync("LCC-E2E-0001", "Maisie", "Endtoend");

        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Check your answers before sending", Level = 1 })).ToBeVisibleAsync();
        await Expect(officer.Locator("main")).ToContainTextAsync("Maisie Endtoend");
        await officer.AssertNoSeriousViolationsAsync();

        // A Change link opens its own question page and comes back to check your answers.
        await officer.GetByRole(AriaRole.Link, new() { Name = "Change the weekly budget" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Budget and deadline", Level = 1 })).ToBeVisibleAsync();
        await officer.AssertNoSeriousViolationsAsync();
        await officer.GetByLabel("Weekly budget").FillAsync("6400");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Save and return to check your answers" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Check your answers before sending", Level = 1 })).ToBeVisibleAsync();
        await Expect(officer.Locator("main")).ToContainTextAsync("£6,400");
        await officer.AssertNoSeriousViolationsAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Send to providers" }).ClickAsync();

        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Maisie Endtoend", Level = 1 })).ToBeVisibleAsync();
        await Expect(officer.Locator(".govuk-notification-banner")).ToContainTextAsync("Your referral was sent to");
        await Expect(officer.Locator("#live-status")).ToHaveTextAsync("Live: new offers appear here automatically", new() { Timeout = 20_000 });
        await Expect(officer.Locator("#offers")).ToContainTextAsync("No offers yet.");
        await officer.AssertNoSeriousViolationsAsync();
        await officer.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        // The referral arrives in the provider's open inbox, anonymised, without a reload.
        var inbox = provider.Locator("#inbox");
        await Expect(inbox).ToContainTextAsync("14-year-old girl", Live);
        await Expect(inbox).ToContainTextAsync("Fits your vacancies");
        await Expect(inbox).Not.ToContainTextAsync("Maisie");
        Assert.True(await provider.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "The inbox updated without a reload");
        await provider.AssertNoSeriousViolationsAsync();

        // The provider opens it and makes an offer.
        await inbox.GetByRole(AriaRole.Link, new() { Name = "14-year-old girl" }).First.ClickAsync();
        await Expect(provider.GetByRole(AriaRole.Heading, new() { Name = "14-year-old girl, LS6", Level = 1 })).ToBeVisibleAsync();
        await Expect(provider.Locator("main")).ToContainTextAsync("Low Green");
        await provider.AssertNoSeriousViolationsAsync();
        await provider.GetByRole(AriaRole.Link, new() { Name = "Make an offer" }).ClickAsync();
        await Expect(provider.GetByRole(AriaRole.Heading, new() { Name = "Make an offer", Level = 1 })).ToBeVisibleAsync();
        await provider.AssertNoSeriousViolationsAsync();
        var vacancy = provider.GetByLabel("Vacancy you are offering");
        var fitting = await vacancy.Locator("option", new() { HasText = "(fits this referral)" }).First.GetAttributeAsync("value");
        await vacancy.SelectOptionAsync(fitting!);
        await provider.GetByLabel("Weekly price").FillAsync("5950");
        await provider.GetByLabel("Education").CheckAsync();
        await provider.GetByLabel("Notes for the placing officer (optional)").FillAsync("A calm home near her school, with one other girl of 15.");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Send offer" }).ClickAsync();
        await Expect(provider.Locator(".govuk-notification-banner")).ToContainTextAsync("Your offer is sent");
        await Expect(provider.Locator("main")).ToContainTextAsync("£5,950.00");
        await provider.AssertNoSeriousViolationsAsync();

        // The officer's open page shows the offer, ranked and explained, without a reload.
        var offers = officer.Locator("#offers");
        await Expect(offers).ToContainTextAsync("1. Pennine Care Homes Ltd", Live);
        await Expect(offers).ToContainTextAsync("1 offer, best first.");
        await Expect(offers).ToContainTextAsync("£5,950");
        await Expect(offers).ToContainTextAsync("Low Green");
        Assert.True(await officer.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "The offers updated without a reload");
        await offers.GetByText("Why it scores").ClickAsync();
        await Expect(offers.GetByText("Good Ofsted grade (adds 15 points to the score)")).ToBeVisibleAsync();
        await Expect(offers.GetByText("miles from home, within 20 miles")).ToBeVisibleAsync();
        await officer.AssertNoSeriousViolationsAsync();
    }
}

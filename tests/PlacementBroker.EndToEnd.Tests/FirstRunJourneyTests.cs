using Microsoft.Playwright;
using PlacementBroker.Core.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// The demo as a newcomer meets it: a fresh database loaded with the demo data on the real clock, the demo providers
/// answering by themselves (<c>PlacementBroker:Demo:SimulateProviders</c>, on by default, as <c>dotnet run</c> has it).
/// </summary>
public class FirstRunSite : DemoSite
{
    protected override bool RealClock => true;
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["PlacementBroker:Demo:SimulateProviders"] = "true",
    };
}

/// <summary>
/// The guided first run: the Leeds placing officer signs in, sends the prepared referral from the "Try the live
/// market" panel, sees at least two offers arrive on the open page within a minute, ranked and explained, accepts the
/// first (asking the placement manager when it is an exception, who approves it) and opens the agreement. Every page
/// visited is scanned with axe.
/// </summary>
public class FirstRunJourneyTests(FirstRunSite site) : IClassFixture<FirstRunSite>
{
    private const string Officer = "placing.officer@leeds.demo.placementbroker.uk";
    private const string Manager = "placement.manager@leeds.demo.placementbroker.uk";

    [Fact]
    public async Task FirstRun_ThePreparedReferralGetsOffersLive_AndOneIsAccepted()
    {
        var officer = await site.NewPageAsync();
        await officer.SignInAsync(Officer, DemoDataSeeder.DemoPassword);

        // Something to look at on arrival: referrals open with offers waiting, and the guided first run.
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Finding placements", Level = 1 })).ToBeVisibleAsync();
        var openReferrals = officer.Locator(".app-card")
            .Filter(new() { Has = officer.GetByRole(AriaRole.Heading, new() { Name = "Open referrals", Exact = true }) }).Locator(".app-count");
        Assert.True(int.Parse(await openReferrals.InnerTextAsync()) >= 3, "The demo opens with referrals in progress");
        var panel = officer.GetByTestId("try-it");
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Try the live market" })).ToBeVisibleAsync();
        await Expect(panel.Locator("#try-send-status")).ToHaveTextAsync("Incomplete");
        await Expect(panel.Locator("#try-watch-status")).ToHaveTextAsync("Cannot start yet");
        await officer.AssertNoSeriousViolationsAsync();

        // 1. Send the prepared referral: its check-answers page, then send.
        await panel.GetByRole(AriaRole.Link, new() { Name = "Send the prepared referral" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Check your answers before sending", Level = 1 })).ToBeVisibleAsync();
        await Expect(officer.Locator("main")).ToContainTextAsync("Lily Marsden");
        await officer.AssertNoSeriousViolationsAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Send to providers" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Lily Marsden", Level = 1 })).ToBeVisibleAsync();
        await Expect(officer.Locator("#live-status")).ToHaveTextAsync("Live: new offers appear here automatically", new() { Timeout = 20_000 });
        await officer.AssertNoSeriousViolationsAsync();
        await officer.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        // 2. Offers arrive from the demo providers, on the open page, within a minute.
        await officer.WaitForFunctionAsync("() => document.querySelectorAll('#offers [data-offer-id]').length >= 2", null,
            new() { Timeout = 60_000, PollingInterval = 250 });
        Assert.True(await officer.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "The offers arrived without a reload");
        var offers = officer.Locator("#offers");
        await Expect(offers).ToContainTextAsync("best first.");

        // 3. Ranked and explained: ranks run 1, 2, ... in order, and the first says why it scores what it does.
        var ranks = await offers.Locator("[data-offer-id]").EvaluateAllAsync<int[]>("cards => cards.map(c => Number(c.dataset.rank))");
        Assert.Equal(Enumerable.Range(1, ranks.Length), ranks);
        var first = offers.Locator("[data-rank='1']");
        await first.GetByText("Why it scores").ClickAsync();
        await Expect(first.Locator(".govuk-details__text")).ToContainTextAsync("Ofsted grade");
        await Expect(first.Locator(".govuk-details__text")).ToContainTextAsync("miles from home");
        await officer.AssertNoSeriousViolationsAsync();

        // The panel follows: sent, offers arrived; the next step is to accept.
        await officer.GotoAsync("/");
        await Expect(panel.Locator("#try-send-status")).ToHaveTextAsync("Completed");
        await Expect(panel.Locator("#try-watch-status")).ToHaveTextAsync("Completed");
        await officer.AssertNoSeriousViolationsAsync();

        // 4. Accept the first offer from the panel.
        await panel.GetByRole(AriaRole.Link, new() { Name = "Accept an offer" }).ClickAsync();
        var heading = officer.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToContainTextAsync("the offer from");
        await officer.AssertNoSeriousViolationsAsync();
        var needsApproval = (await heading.InnerTextAsync()).StartsWith("Ask a manager");
        if (needsApproval)
        {
            // An exception (a price above the band, or a provider with concerns): the manager approves it.
            await officer.GetByLabel("Why should a manager approve it?").FillAsync("The family is close to her school and she can stay there.");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Ask a manager to approve" }).ClickAsync();
            await Expect(officer.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
            var manager = await site.NewPageAsync();
            await manager.SignInAsync(Manager, DemoDataSeeder.DemoPassword);
            await manager.GotoAsync("/approvals");
            await manager.GetByRole(AriaRole.Link, new() { Name = "Lily Marsden" }).ClickAsync();
            await manager.AssertNoSeriousViolationsAsync();
            await manager.DecideApprovalAsync("Approve the placement", "Close to her school; the family's experience fits her needs");
            await Expect(manager.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        }
        else
        {
            await officer.GetByRole(AriaRole.Button, new() { Name = "Accept and make the placement" }).ClickAsync();
            await Expect(officer.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        }
        await officer.AssertNoSeriousViolationsAsync();

        // 5. The agreement, from the panel.
        await officer.GotoAsync("/");
        await Expect(panel.Locator("#try-accept-status")).ToHaveTextAsync("Completed");
        await panel.GetByRole(AriaRole.Link, new() { Name = "Print the Individual Placement Agreement" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Individual Placement Agreement", Level = 1 })).ToBeVisibleAsync();
        await Expect(officer.Locator("main")).ToContainTextAsync("Lily Marsden");
        await officer.AssertNoSeriousViolationsAsync();

        // Round again: another referral is prepared, ready to send.
        await officer.GotoAsync("/");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Prepare another referral to try" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Check your answers before sending", Level = 1 })).ToBeVisibleAsync();
        await Expect(officer.Locator("main")).ToContainTextAsync("TRY-0002");
    }
}

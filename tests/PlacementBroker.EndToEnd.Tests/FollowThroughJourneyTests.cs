using System.Net.Http.Json;
using Microsoft.Playwright;
using PlacementBroker.Core;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// Journeys followed to their end, in the browser with axe on every page: an offer that did not fit fits once the
/// provider updates its vacancy, and the officer places the child from it, the referral then reading as placed with
/// links to the placement and its agreement; a manager finds the child by name in the approvals list, reads the
/// benchmark, approves, and the decided approval leads to the placement while the officer is told.
/// </summary>
public class FollowThroughJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task IneligibleOffer_FitsOnceTheProviderUpdatesItsVacancy_AndTheOfficerPlacesTheChild()
    {
        var dps = await site.Data.CreateDpsAsync();
        var officer = await site.Data.OfficerForAsync(dps);
        var provider = await site.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await site.Data.ApplyAsync(provider, dps);
        var setting = await site.Data.Setting(provider).Named("Aire View").CreateAsync();
        var vacancyId = await site.Data.Vacancy(provider, setting, dps.LotId).Meeting(Need.Autism).At(5000m).PublishAsync();
        var referralId = await site.Data.Referral(dps.LotId).SendAsync(officer);
        await site.Data.Offer(provider, referralId, vacancyId).At(5000m).SubmitAsync();

        var officerPage = await site.NewPageAsync();
        await officerPage.SignInAsync(officer.Email, officer.Password);
        await officerPage.GotoAsync($"/referrals/{referralId}");
        var card = officerPage.Locator("[data-offer-id]").Filter(new() { HasText = provider.Name });
        await Expect(card.Locator("[data-exclusions]")).ToContainTextAsync("Cannot meet: emotional and behavioural");
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.GetByRole(AriaRole.Button, new() { Name = $"Ask the provider to update its vacancy ({provider.Name})" }).ClickAsync();
        await Expect(officerPage.GetByText("The provider has been asked to update its vacancy")).ToBeVisibleAsync();
        await officerPage.AssertNoSeriousViolationsAsync();

        // The provider can meet the need after all: it changes the vacancy, and the offer is judged again.
        var page = await site.NewPageAsync();
        await page.SignInAsync(provider.User.Email, provider.User.Password);
        await page.FollowNavigationAsync("Vacancies");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the vacancy at Aire View" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change a vacancy", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Emotional and behavioural").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator("tr", new() { HasText = "Aire View" })).ToContainTextAsync("Open");
        await page.AssertNoSeriousViolationsAsync();
        await page.GotoAsync($"/provider/referrals/{referralId}");
        await Expect(page.Locator("#misfits")).ToHaveCountAsync(0);
        await page.AssertNoSeriousViolationsAsync();

        await officerPage.ReloadAsync();
        await Expect(card.Locator("[data-exclusions]")).ToHaveCountAsync(0);
        await Expect(card).Not.ToContainTextAsync("Not eligible");
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.OffersAreLiveAsync();
        await officerPage.GetByRole(AriaRole.Link, new() { Name = $"Accept this offer from {provider.Name}" }).ClickAsync();
        await Expect(officerPage.Locator("#what-happens")).ToContainTextAsync("£260,000");
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.GetByRole(AriaRole.Button, new() { Name = "Accept and make the placement" }).ClickAsync();
        await Expect(officerPage.GetByText("Offer accepted: the placement has been made")).ToBeVisibleAsync();
        await officerPage.AssertNoSeriousViolationsAsync();

        // The referral's header reads as placed: the child, the case reference, one status; the placement and its agreement a click away.
        await officerPage.GotoAsync($"/referrals/{referralId}");
        await Expect(officerPage.GetByRole(AriaRole.Heading, new() { Name = "Amelia Hartley-Testcase", Level = 1 })).ToBeVisibleAsync();
        var caption = await officerPage.Locator("main .govuk-caption-l").First.InnerTextAsync();
        Assert.StartsWith("Referral LCC-", caption);
        var reference = caption["Referral ".Length..caption.IndexOf(',')];
        await Expect(officerPage.Locator("#referral-state")).ToContainTextAsync("Placed");
        await Expect(officerPage.Locator("#referral-state")).Not.ToContainTextAsync("Open for offers");
        await Expect(card).ToContainTextAsync("Accepted");
        await Expect(card).Not.ToContainTextAsync("0 places");
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.Locator("#placement-made").GetByRole(AriaRole.Link, new() { Name = "See the placement" }).ClickAsync();
        await Expect(officerPage.Locator("#placement-start")).ToHaveTextAsync("Starts on 30 November 2026");
        await Expect(officerPage.Locator("main")).ToContainTextAsync("Aire View");
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.GetByRole(AriaRole.Link, new() { Name = "Individual Placement Agreement" }).ClickAsync();
        await Expect(officerPage.GetByRole(AriaRole.Heading, new() { Name = "Individual Placement Agreement", Level = 1 })).ToBeVisibleAsync();
        await Expect(officerPage.Locator("main")).ToContainTextAsync(reference);
        await officerPage.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task Manager_FindsTheChildByNameInApprovals_Approves_AndTheDecidedApprovalLeadsToThePlacement()
    {
        var (_, officer, provider, vacancyId, referralId) = await site.ReferralWithAFittingVacancyAsync(OfstedGrade.Inadequate);
        var manager = await site.Data.CreateUserAsync(Role.PlacementManager, officer.LocalAuthorityId);

        // The officer's check page and reason are walked in OfferJourneyTests; here the officer asks through the API.
        var offerId = await site.Data.Offer(provider, referralId, vacancyId).At(5000m).SubmitAsync();
        using (var api = await site.Data.ClientForAsync(officer))
        {
            using var asked = await api.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot", reason = "Her brother is placed in the same town" });
            Assert.Equal(System.Net.HttpStatusCode.Accepted, asked.StatusCode);
        }

        // The manager's list names the child with the case reference.
        var page = await site.NewPageAsync();
        await page.SignInAsync(manager.Email, manager.Password);
        await page.FollowNavigationAsync("Approvals");
        var waiting = page.Locator("tbody tr", new() { HasText = "Amelia Hartley-Testcase" });
        await Expect(waiting).ToHaveCountAsync(1);
        await Expect(waiting.Locator("[data-child]")).ToContainTextAsync("Case reference LCC-");
        await page.AssertNoSeriousViolationsAsync();
        await waiting.GetByRole(AriaRole.Link, new() { Name = "Amelia Hartley-Testcase" }).ClickAsync();

        // The approval page (its child, needs, costs and other offers are read in OfferJourneyTests) sets the price
        // against the lot's benchmark, and carries the officer's reason.
        await Expect(page.Locator("main dl")).ToContainTextAsync("£5,000 (spot purchase); the benchmark is £");
        await Expect(page.Locator("#request-reason")).ToHaveTextAsync("Her brother is placed in the same town");
        await page.AssertNoSeriousViolationsAsync();
        await page.DecideApprovalAsync("Approve the placement", "The improvement plan is on track; visited last week");
        await Expect(page.GetByText("Approved: the placement has been made")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // Decided, it sits under Decided, and leads to the placement.
        await page.FollowNavigationAsync("Approvals");
        var decided = page.Locator("tbody tr", new() { HasText = "Amelia Hartley-Testcase" });
        await Expect(decided).ToHaveCountAsync(1);
        await Expect(decided).ToContainTextAsync("Approved");
        await page.AssertNoSeriousViolationsAsync();
        await decided.GetByRole(AriaRole.Link, new() { Name = "Amelia Hartley-Testcase" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record decision" })).ToHaveCountAsync(0);
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See the placement" }).ClickAsync();
        await Expect(page.GetByText("Amelia Hartley-Testcase").First).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(provider.Name);
        await page.AssertNoSeriousViolationsAsync();

        // The officer is told, on the referral and by email.
        var officerPage = await site.NewPageAsync();
        await officerPage.SignInAsync(officer.Email, officer.Password);
        await officerPage.GotoAsync($"/referrals/{referralId}");
        await Expect(officerPage.Locator("[data-approval-decision]")).ToContainTextAsync("A placement manager approved it: The improvement plan is on track; visited last week");
        await Expect(officerPage.Locator("#placement-made")).ToBeVisibleAsync();
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.FollowNavigationAsync("Emails");
        await Expect(officerPage.GetByRole(AriaRole.Link, new() { Name = "A placement you asked for has been approved" })).ToHaveCountAsync(1);
        await officerPage.AssertNoSeriousViolationsAsync();
    }
}

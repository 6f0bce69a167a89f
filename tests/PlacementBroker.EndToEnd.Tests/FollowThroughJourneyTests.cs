using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;
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
        var body = site.Data.ReferralBody(dps.LotId);
        var reference = (string)((Dictionary<string, object?>)body["child"]!)["reference"]!;
        Guid referralId;
        using (var api = await site.Data.ClientForAsync(officer))
        {
            var sent = await api.PostAsync("/api/referrals", System.Net.Http.Json.JsonContent.Create(body));
            referralId = System.Text.Json.JsonDocument.Parse(await sent.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        }
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
        await officerPage.GetByRole(AriaRole.Link, new() { Name = $"Accept this offer from {provider.Name}" }).ClickAsync();
        await Expect(officerPage.Locator("#what-happens")).ToContainTextAsync("£260,000");
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.GetByRole(AriaRole.Button, new() { Name = "Accept and make the placement" }).ClickAsync();
        await Expect(officerPage.GetByText("Offer accepted: the placement has been made")).ToBeVisibleAsync();
        await officerPage.AssertNoSeriousViolationsAsync();

        // The referral's header reads as placed: the child, the case reference, one status; the placement and its agreement a click away.
        await officerPage.GotoAsync($"/referrals/{referralId}");
        await Expect(officerPage.GetByRole(AriaRole.Heading, new() { Name = "Amelia Hartley-Testcase", Level = 1 })).ToBeVisibleAsync();
        await Expect(officerPage.Locator("main .govuk-caption-l").First).ToContainTextAsync($"Referral {reference}");
        await Expect(officerPage.Locator("#referral-state")).ToContainTextAsync("Placed");
        await Expect(officerPage.Locator("#referral-state")).Not.ToContainTextAsync("Open for offers");
        await Expect(card).ToContainTextAsync("Accepted");
        await Expect(card).Not.ToContainTextAsync("0 places");
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.Locator("#placement-made").GetByRole(AriaRole.Link, new() { Name = "See the placement" }).ClickAsync();
        await Expect(officerPage.Locator("#placement-start")).ToHaveTextAsync(new Regex("^Starts on|^Started"));
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
        var dps = await site.Data.CreateDpsAsync();
        var officer = await site.Data.OfficerForAsync(dps);
        var manager = await site.Data.CreateUserAsync(Role.PlacementManager, officer.LocalAuthorityId);
        var (provider, vacancyId) = await site.Data.FittingProviderAsync(dps, 5000m, OfstedGrade.Inadequate);
        var body = site.Data.ReferralBody(dps.LotId);
        var reference = (string)((Dictionary<string, object?>)body["child"]!)["reference"]!;
        Guid referralId;
        using (var api = await site.Data.ClientForAsync(officer))
        {
            var sent = await api.PostAsync("/api/referrals", System.Net.Http.Json.JsonContent.Create(body));
            referralId = System.Text.Json.JsonDocument.Parse(await sent.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        }
        await site.Data.Offer(provider, referralId, vacancyId).At(5000m).SubmitAsync();

        var officerPage = await site.NewPageAsync();
        await officerPage.SignInAsync(officer.Email, officer.Password);
        await officerPage.GotoAsync($"/referrals/{referralId}");
        await officerPage.GetByRole(AriaRole.Link, new() { Name = $"Ask a manager to approve from {provider.Name}" }).ClickAsync();
        await officerPage.GetByLabel("Why should a manager approve it?").FillAsync("Her brother is placed in the same town");
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.GetByRole(AriaRole.Button, new() { Name = "Ask a manager to approve" }).ClickAsync();
        await Expect(officerPage.GetByText("Sent to a placement manager for approval")).ToBeVisibleAsync();
        await officerPage.AssertNoSeriousViolationsAsync();

        // The manager's list names the child with the case reference.
        var page = await site.NewPageAsync();
        await page.SignInAsync(manager.Email, manager.Password);
        await page.FollowNavigationAsync("Approvals");
        var waiting = page.Locator("tbody tr", new() { HasText = reference });
        await Expect(waiting.Locator("[data-child]")).ToContainTextAsync("Amelia Hartley-Testcase");
        await Expect(waiting.Locator("[data-child]")).ToContainTextAsync($"Case reference {reference}");
        await page.AssertNoSeriousViolationsAsync();
        await waiting.GetByRole(AriaRole.Link, new() { Name = "Amelia Hartley-Testcase" }).ClickAsync();

        await Expect(page.Locator("#approval-child")).ToContainTextAsync("Amelia Hartley-Testcase, 14-year-old girl");
        await Expect(page.Locator("main")).ToContainTextAsync(new Regex(@"the benchmark is £[\d,]+"));
        await Expect(page.Locator("#approval-annual-cost")).ToContainTextAsync("£260,000");
        await Expect(page.Locator("#request-reason")).ToHaveTextAsync("Her brother is placed in the same town");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Approve the placement").CheckAsync();
        await page.GetByLabel("Reason").FillAsync("The improvement plan is on track; visited last week");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(page.GetByText("Approved: the placement has been made")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // Decided, it sits under Decided, and leads to the placement.
        await page.FollowNavigationAsync("Approvals");
        var decided = page.Locator("tbody tr", new() { HasText = reference });
        await Expect(decided).ToContainTextAsync("Approved");
        await Expect(decided.Locator("[data-child]")).ToContainTextAsync("Amelia Hartley-Testcase");
        await page.AssertNoSeriousViolationsAsync();
        await decided.GetByRole(AriaRole.Link, new() { Name = "Amelia Hartley-Testcase" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record decision" })).ToHaveCountAsync(0);
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See the placement" }).ClickAsync();
        await Expect(page.GetByText("Amelia Hartley-Testcase").First).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(provider.Name);
        await page.AssertNoSeriousViolationsAsync();

        // The officer is told, on the referral and by email.
        await officerPage.GotoAsync($"/referrals/{referralId}");
        await Expect(officerPage.Locator("[data-approval-decision]")).ToContainTextAsync("A placement manager approved it: The improvement plan is on track; visited last week");
        await Expect(officerPage.Locator("#placement-made")).ToBeVisibleAsync();
        await officerPage.AssertNoSeriousViolationsAsync();
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        Assert.Equal(1, await db.OutboxEmails.CountAsync(e => e.To == officer.Email && e.Subject == "A placement you asked for has been approved"));
    }
}

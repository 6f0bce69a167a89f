using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// The everyday journeys around an offer, walked in the browser with axe on every page: an offer that does not fit has a
/// way forward for both sides; an accepted offer reads as accepted and its placement says when it starts; a manager's
/// approval page has what the decision needs, and the officer is told.
/// </summary>
public class OfferJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    private async Task<string> SendReferralAsync(TestUser officer, Guid lotId)
    {
        using var api = await site.Data.ClientForAsync(officer);
        var referral = await (await api.PostAsJsonAsync("/api/referrals", site.Data.ReferralBody(lotId))).Content.ReadFromJsonAsync<JsonElement>();
        return referral.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task IneligibleOffer_ProviderSeesWhyBeforeSending_OfficerAsksTheProviderThenAManagerForAnException()
    {
        var dps = await site.Data.CreateDpsAsync();
        var officer = await site.Data.OfficerForAsync(dps);
        var provider = await site.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await site.Data.ApplyAsync(provider, dps);
        var setting = await site.Data.CreateSettingAsync(provider);
        var vacancyId = await site.Data.Vacancy(provider, setting, dps.LotId).Meeting(Need.Autism).At(5000m).PublishAsync();
        var referralId = await SendReferralAsync(officer, dps.LotId);

        // The provider sees what its vacancy does not meet, and is asked again before it sends the offer.
        var providerPage = await site.NewPageAsync();
        await providerPage.SignInAsync(provider.User.Email, provider.User.Password);
        await providerPage.GotoAsync($"/provider/referrals/{referralId}");
        await Expect(providerPage.Locator("#misfits")).ToContainTextAsync("Cannot meet: emotional and behavioural");
        await providerPage.AssertNoSeriousViolationsAsync();
        await providerPage.GetByRole(AriaRole.Link, new() { Name = "Make an offer" }).ClickAsync();
        await Expect(providerPage.Locator("#misfits")).ToContainTextAsync("Cannot meet: emotional and behavioural");
        await providerPage.AssertNoSeriousViolationsAsync();
        await providerPage.GetByLabel("Vacancy you are offering").SelectOptionAsync(vacancyId.ToString());
        await providerPage.GetByLabel("Weekly price").FillAsync("5000");
        await providerPage.GetByRole(AriaRole.Button, new() { Name = "Send offer" }).ClickAsync();
        await Expect(providerPage.Locator("#misfit")).ToContainTextAsync("does not meet this referral");
        await Expect(providerPage.GetByRole(AriaRole.Link, new() { Name = "update the vacancy" })).ToBeVisibleAsync();
        await providerPage.AssertNoSeriousViolationsAsync();
        await providerPage.GetByRole(AriaRole.Button, new() { Name = "Send the offer anyway" }).ClickAsync();
        await Expect(providerPage.GetByText("Your offer is sent")).ToBeVisibleAsync();
        await providerPage.AssertNoSeriousViolationsAsync();

        // The officer sees why it is not eligible, and the two ways forward.
        var officerPage = await site.NewPageAsync();
        await officerPage.SignInAsync(officer.Email, officer.Password);
        await officerPage.GotoAsync($"/referrals/{referralId}");
        await Expect(officerPage.Locator("[data-exclusions]")).ToContainTextAsync("Cannot meet: emotional and behavioural");
        await Expect(officerPage.GetByText("Meets every need asked for")).ToHaveCountAsync(0);
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.GetByRole(AriaRole.Button, new() { Name = $"Ask the provider to update its vacancy ({provider.Name})" }).ClickAsync();
        await Expect(officerPage.GetByText("The provider has been asked to update its vacancy")).ToBeVisibleAsync();
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.GetByRole(AriaRole.Link, new() { Name = $"Ask a manager to approve as an exception ({provider.Name})" }).ClickAsync();
        await Expect(officerPage.GetByText("approve it only as an exception")).ToBeVisibleAsync();
        await Expect(officerPage.Locator("#what-happens")).ToContainTextAsync("£260,000");
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.GetByRole(AriaRole.Button, new() { Name = "Ask a manager to approve" }).ClickAsync();
        await Expect(officerPage.Locator(".govuk-error-summary")).ToContainTextAsync("Say why a manager should approve this offer");
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.GetByLabel("Why should a manager approve it?").FillAsync("The home's therapist starts next week");
        await officerPage.GetByRole(AriaRole.Button, new() { Name = "Ask a manager to approve" }).ClickAsync();
        await Expect(officerPage.GetByText("Sent to a placement manager for approval")).ToBeVisibleAsync();
        await Expect(officerPage.GetByText("Waiting for a placement manager's decision")).ToBeVisibleAsync();
        await officerPage.AssertNoSeriousViolationsAsync();

        // The provider can still withdraw, after a check of what it offered.
        await providerPage.GotoAsync($"/provider/referrals/{referralId}");
        await providerPage.GetByRole(AriaRole.Link, new() { Name = "Withdraw your offer of" }).ClickAsync();
        await Expect(providerPage.Locator("#what-happens")).ToContainTextAsync("£260,000");
        await Expect(providerPage.GetByText("Amelia")).ToHaveCountAsync(0);
        await providerPage.AssertNoSeriousViolationsAsync();
        await providerPage.GetByRole(AriaRole.Button, new() { Name = "Withdraw offer" }).ClickAsync();
        await Expect(providerPage.GetByText("Your offer is withdrawn")).ToBeVisibleAsync();
        await providerPage.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task AcceptedOffer_AfterTheCheck_ReadsAsAccepted_AndItsPlacementSaysWhenItStarts()
    {
        var dps = await site.Data.CreateDpsAsync();
        var officer = await site.Data.OfficerForAsync(dps);
        var (provider, vacancyId) = await site.Data.FittingProviderAsync(dps, 5000m);
        var referralId = await SendReferralAsync(officer, dps.LotId);
        using (var providerApi = await site.Data.ClientForAsync(provider.User))
        {
            (await providerApi.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = 5000 })).EnsureSuccessStatusCode();
        }

        var page = await site.NewPageAsync();
        await page.SignInAsync(officer.Email, officer.Password);
        await page.GotoAsync($"/referrals/{referralId}");
        await page.AssertNoSeriousViolationsAsync();
        await page.OffersAreLiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Accept this offer from {provider.Name}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Accept the offer from {provider.Name}?", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#what-happens")).ToContainTextAsync("Amelia Hartley-Testcase");
        await Expect(page.Locator("#what-happens")).ToContainTextAsync("£260,000");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept and make the placement" }).ClickAsync();
        await Expect(page.GetByText("Offer accepted: the placement has been made")).ToBeVisibleAsync();
        await Expect(page.Locator("#placement-status")).ToHaveTextAsync("Starts on 30 November 2026");
        await page.AssertNoSeriousViolationsAsync();

        await page.GotoAsync($"/referrals/{referralId}");
        await Expect(page.Locator("#placement-made")).ToContainTextAsync("A placement has been made: the child starts on 30 November 2026");
        await Expect(page.GetByText("Not eligible")).ToHaveCountAsync(0);
        await Expect(page.Locator("#offers")).Not.ToContainTextAsync("0 places");
        await page.AssertNoSeriousViolationsAsync();
        await page.Locator("#placement-made").GetByRole(AriaRole.Link, new() { Name = "Individual Placement Agreement" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Individual Placement Agreement", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GoBackAsync();
        await page.Locator("#placement-made").GetByRole(AriaRole.Link, new() { Name = "See the placement" }).ClickAsync();
        await Expect(page.Locator("#placement-start")).ToHaveTextAsync("Starts on 30 November 2026");
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task Approval_ShowsTheChildTheOtherOffersAndTheCost_AndTheOfficerIsToldTheDecision()
    {
        var dps = await site.Data.CreateDpsAsync();
        var officer = await site.Data.OfficerForAsync(dps);
        var manager = await site.Data.CreateUserAsync(Role.PlacementManager, officer.LocalAuthorityId);
        var (inadequate, inadequateVacancy) = await site.Data.FittingProviderAsync(dps, 5000m, OfstedGrade.Inadequate);
        var (good, goodVacancy) = await site.Data.FittingProviderAsync(dps, 5900m);
        var referralId = await SendReferralAsync(officer, dps.LotId);
        foreach (var (provider, vacancyId, price) in new[] { (inadequate, inadequateVacancy, 5000), (good, goodVacancy, 5900) })
        {
            using var providerApi = await site.Data.ClientForAsync(provider.User);
            (await providerApi.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = price })).EnsureSuccessStatusCode();
        }

        var officerPage = await site.NewPageAsync();
        await officerPage.SignInAsync(officer.Email, officer.Password);
        await officerPage.GotoAsync($"/referrals/{referralId}");
        await officerPage.GetByRole(AriaRole.Link, new() { Name = $"Ask a manager to approve from {inadequate.Name}" }).ClickAsync();
        await officerPage.GetByLabel("Why should a manager approve it?").FillAsync("Her sister lives two streets away");
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.GetByRole(AriaRole.Button, new() { Name = "Ask a manager to approve" }).ClickAsync();
        await Expect(officerPage.GetByText("Sent to a placement manager for approval")).ToBeVisibleAsync();

        var managerPage = await site.NewPageAsync();
        await managerPage.SignInAsync(manager.Email, manager.Password);
        await managerPage.GotoAsync("/approvals");
        await managerPage.Locator("table").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(managerPage.Locator("#approval-child")).ToContainTextAsync("14-year-old girl");
        await Expect(managerPage.Locator("#approval-needs")).ToContainTextAsync("Must have: emotional and behavioural");
        await Expect(managerPage.Locator("#approval-annual-cost")).ToContainTextAsync("£260,000");
        await Expect(managerPage.Locator("#request-reason")).ToHaveTextAsync("Her sister lives two streets away");
        await Expect(managerPage.Locator("#competing-offers")).ToContainTextAsync(good.Name);
        await Expect(managerPage.Locator("#competing-offers")).ToContainTextAsync("£5,900");
        await managerPage.AssertNoSeriousViolationsAsync();
        await managerPage.GetByLabel("Reject it: the place goes back on offer").CheckAsync();
        await managerPage.GetByLabel("Reason").FillAsync("The other home is rated good and near enough");
        await managerPage.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(managerPage.GetByText("Rejected: the place is back on offer")).ToBeVisibleAsync();
        await managerPage.AssertNoSeriousViolationsAsync();

        // The officer is told, by email and on the referral; the other offer is still open to them.
        await officerPage.GotoAsync($"/referrals/{referralId}");
        await Expect(officerPage.Locator("[data-approval-decision]")).ToContainTextAsync("A placement manager did not approve it: The other home is rated good and near enough");
        await officerPage.AssertNoSeriousViolationsAsync();
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            Assert.Equal(1, await db.OutboxEmails.CountAsync(e => e.To == officer.Email && e.Subject == "A placement you asked for was not approved"));
        }
        await Expect(officerPage.Locator("[data-offer-id]").Filter(new() { HasText = good.Name })).ToContainTextAsync("Offered");
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// An officer accepts an offer on a home Ofsted judged Inadequate; it needs a placement manager, who approves it
/// with a reason; the officer opens the Individual Placement Agreement. Every page is scanned.
/// </summary>
public class PlacementJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Officer_AcceptsAnInadequateHome_ManagerApproves_OfficerOpensTheAgreement()
    {
        var dps = await site.Data.CreateDpsAsync();
        var officer = await site.Data.OfficerForAsync(dps);
        var manager = await site.Data.CreateUserAsync(Role.PlacementManager, officer.LocalAuthorityId);
        var (provider, vacancyId) = await site.Data.FittingProviderAsync(dps, 5000m, OfstedGrade.Inadequate);
        using var api = await site.Data.ClientForAsync(officer);
        var referral = await (await api.PostAsJsonAsync("/api/referrals", site.Data.ReferralBody(dps.LotId))).Content.ReadFromJsonAsync<JsonElement>();
        var referralId = referral.GetProperty("id").GetString();
        using (var providerApi = await site.Data.ClientForAsync(provider.User))
        {
            (await providerApi.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = 5000, notes = "Keyworker and therapy in place" }))
                .EnsureSuccessStatusCode();
        }

        var officerPage = await site.NewPageAsync();
        await officerPage.SignInAsync(officer.Email, officer.Password);
        await officerPage.GotoAsync($"/referrals/{referralId}");
        await Expect(officerPage.GetByText("Accepting this offer needs a placement manager's approval")).ToBeVisibleAsync();
        await Expect(officerPage.GetByText("graded Inadequate by Ofsted").First).ToBeVisibleAsync();
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.GetByRole(AriaRole.Link, new() { Name = $"Ask a manager to approve from {provider.Name}" }).ClickAsync();
        await Expect(officerPage.GetByRole(AriaRole.Heading, new() { Name = $"Ask a manager to approve the offer from {provider.Name}?", Level = 1 })).ToBeVisibleAsync();
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.GetByLabel("Why should a manager approve it?").FillAsync("Her keyworker is in place and the home is near her school");
        await officerPage.GetByRole(AriaRole.Button, new() { Name = "Ask a manager to approve" }).ClickAsync();
        await Expect(officerPage.GetByText("Sent to a placement manager for approval")).ToBeVisibleAsync();
        await officerPage.AssertNoSeriousViolationsAsync();

        var managerPage = await site.NewPageAsync();
        await managerPage.SignInAsync(manager.Email, manager.Password);
        await managerPage.GetByRole(AriaRole.Link, new() { Name = "Approvals" }).First.ClickAsync();
        await managerPage.AssertNoSeriousViolationsAsync();
        await managerPage.Locator("table").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(managerPage.GetByRole(AriaRole.Link, new() { Name = "Read the setting's Ofsted reports (opens in new tab)" })).ToBeVisibleAsync();
        await managerPage.AssertNoSeriousViolationsAsync();
        await managerPage.GetByLabel("Approve the placement").CheckAsync();
        await managerPage.GetByLabel("Reason").FillAsync("Visited on Friday: the improvement plan is on track and the child's keyworker is in place");
        await managerPage.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(managerPage.GetByText("Approved: the placement has been made")).ToBeVisibleAsync();
        await managerPage.AssertNoSeriousViolationsAsync();

        await officerPage.GotoAsync("/placements");
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.Locator("table").GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(officerPage.GetByText("Amelia Hartley-Testcase").First).ToBeVisibleAsync();
        await officerPage.AssertNoSeriousViolationsAsync();
        await officerPage.GetByRole(AriaRole.Link, new() { Name = "Individual Placement Agreement" }).ClickAsync();
        await Expect(officerPage.GetByRole(AriaRole.Heading, new() { Name = "Individual Placement Agreement", Level = 1 })).ToBeVisibleAsync();
        await Expect(officerPage.GetByText("without the placing authority's prior written agreement")).ToBeVisibleAsync();
        await Expect(officerPage.GetByText(provider.Name).First).ToBeVisibleAsync();
        await Expect(officerPage.GetByText("£5,000 a week").First).ToBeVisibleAsync();
        await officerPage.AssertNoSeriousViolationsAsync();
    }
}

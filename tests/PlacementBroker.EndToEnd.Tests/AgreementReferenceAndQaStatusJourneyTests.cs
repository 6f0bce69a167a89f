using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PlacementBroker.Core.Seeding;
using PlacementBroker.TestCommon;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// The agreement's reference stays the one it was given while other placements are made, and the provider reads the
/// same; a QA officer raises a critical flag after confirming it, then finds the provider among the red ones. Every
/// page the tests visit is scanned with axe.
/// </summary>
public class AgreementReferenceAndQaStatusJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    private async Task<Guid> PlaceAsync(TestDps dps, HttpClient officer, TestProvider? provider = null, Guid? vacancyId = null)
    {
        if (provider is null)
        {
            (provider, vacancyId) = await site.Data.FittingProviderAsync(dps, 5000m);
        }
        var referralId = (await (await officer.PostAsJsonAsync("/api/referrals", site.Data.ReferralBody(dps.LotId))).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        var offerId = await site.Data.Offer(provider, referralId, vacancyId!.Value).At(5000m).SubmitAsync();
        var accepted = await officer.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" });
        accepted.EnsureSuccessStatusCode();
        return (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("placementId").GetGuid();
    }

    [Fact]
    public async Task Officer_QuotesTheAgreementReference_ItStaysAsOtherPlacementsAreMade_AndTheProviderReadsTheSame()
    {
        var dps = await site.Data.CreateDpsAsync();
        var officer = await site.Data.OfficerForAsync(dps);
        using var api = await site.Data.ClientForAsync(officer);
        var (provider, vacancyId) = await site.Data.FittingProviderAsync(dps, 5000m);
        var placementId = await PlaceAsync(dps, api, provider, vacancyId);

        var page = await site.NewPageAsync();
        await page.SignInAsync(officer.Email, officer.Password);
        await page.GotoAsync($"/placements/{placementId}/agreement");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Individual Placement Agreement", Level = 1 })).ToBeVisibleAsync();
        var reference = (await page.GetByTestId("agreement-reference").InnerTextAsync()).Trim();
        Assert.Matches(new Regex(@"^PB-\d{4}-\d{6}$"), reference);
        await page.AssertNoSeriousViolationsAsync();

        // Two more placements are made by the council; the first agreement keeps its reference.
        await PlaceAsync(dps, api);
        await PlaceAsync(dps, api);
        await page.ReloadAsync();
        await Expect(page.GetByTestId("agreement-reference")).ToHaveTextAsync(reference);

        var providerPage = await site.NewPageAsync();
        await providerPage.SignInAsync(provider.User.Email, provider.User.Password);
        await providerPage.GotoAsync("/placements");
        await providerPage.AssertNoSeriousViolationsAsync();
        await providerPage.GotoAsync($"/placements/{placementId}/agreement");
        await Expect(providerPage.GetByTestId("agreement-reference")).ToHaveTextAsync(reference);
        await providerPage.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task QaOfficer_RaisesACriticalFlagAfterConfirming_ThenFindsTheProviderAmongTheRedOnes()
    {
        var name = TestData.Unique("Ravensknowle Homes");
        await site.Data.Provider().Named(name).CreateAsync();
        var page = await site.NewPageAsync();
        await page.SignInAsync("qa.officer@leeds.demo.placementbroker.uk", DemoDataSeeder.DemoPassword);

        await page.GotoAsync("/providers");
        await page.GetByLabel("Provider name").FillAsync(name);
        await page.GetByLabel("QA status").SelectOptionAsync(new SelectOptionValue { Label = "Green" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var result = page.GetByTestId("provider-result");
        await Expect(result).ToHaveCountAsync(1);
        await page.AssertNoSeriousViolationsAsync();

        await result.GetByRole(AriaRole.Link, new() { Name = $"Raise a flag about {name}" }).ClickAsync();
        await page.GetByLabel("Safeguarding", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Critical", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync("A child was left without supervision overnight");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise flag" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Are you sure you want to raise a critical flag?", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("suspended from all its lots");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise critical flag" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.GotoAsync($"/providers?name={Uri.EscapeDataString(name)}&status=Green");
        await Expect(page.GetByText("No provider matches")).ToBeVisibleAsync();
        await page.GotoAsync("/providers");
        await page.GetByLabel("Provider name").FillAsync(name);
        await page.GetByLabel("QA status").SelectOptionAsync(new SelectOptionValue { Label = "Red" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByTestId("provider-result")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("provider-result").Locator("[data-qa-status='Red']")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
    }
}

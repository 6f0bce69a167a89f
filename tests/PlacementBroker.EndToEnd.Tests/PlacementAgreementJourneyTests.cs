using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PlacementBroker.TestCommon;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// The council's officer finds the child in the placements list by name and case reference, opens the placement and
/// then its Individual Placement Agreement: a readable reference, the child's risks, the notice period and who to
/// contact on each side. Every page is scanned.
/// </summary>
public class PlacementAgreementJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Officer_FindsTheChildInThePlacementsList_AndReadsTheAgreement()
    {
        var dps = await site.Data.CreateDpsAsync();
        var officer = await site.Data.OfficerForAsync(dps);
        var (provider, vacancyId) = await site.Data.FittingProviderAsync(dps, 5000m);
        var body = site.Data.ReferralBody(dps.LotId);
        var child = (Dictionary<string, object?>)body["child"]!;
        child["riskSummary"] = "Goes missing at night; safe with a key worker she trusts";
        var reference = (string)child["reference"]!;
        using var api = await site.Data.ClientForAsync(officer);
        var referralId = (await (await api.PostAsJsonAsync("/api/referrals", body)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var offerId = await site.Data.Offer(provider, referralId, vacancyId).At(5000m).SubmitAsync();
        (await api.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).EnsureSuccessStatusCode();

        var page = await site.NewPageAsync();
        await page.SignInAsync(officer.Email, officer.Password);
        await page.GotoAsync("/placements");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Placements", Level = 1 })).ToBeVisibleAsync();
        var row = page.Locator("tbody tr", new() { HasText = reference });
        await Expect(row.GetByTestId("child")).ToContainTextAsync("Amelia Hartley-Testcase");
        await page.AssertNoSeriousViolationsAsync();

        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByText("Amelia Hartley-Testcase").First).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Individual Placement Agreement" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Individual Placement Agreement", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("agreement-reference")).ToHaveTextAsync(new Regex(@"^PB-\d{4}-\d{6}$"));
        await Expect(page.GetByTestId("risks")).ToContainTextAsync("Goes missing at night");
        await Expect(page.GetByTestId("council-contact")).ToContainTextAsync(officer.Email);
        await Expect(page.GetByTestId("provider-contact")).ToContainTextAsync(provider.Name);
        await Expect(page.GetByText("28 days' written notice")).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(reference);
        await page.AssertNoSeriousViolationsAsync();
    }
}

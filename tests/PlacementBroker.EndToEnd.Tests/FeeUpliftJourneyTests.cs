using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// The lead commissioner opens a fee-uplift round; the provider, whose child is placed at £5,000 a week, requests 4.5%
/// with a cost breakdown through the task list and submits it; the commissioner reads it beside its benchmarks and
/// part-accepts 3%; the placement's agreement then lists the variation (£5,000 to £5,150 a week from 15 December),
/// printable on its own. Every page is scanned with axe.
/// </summary>
public class FeeUpliftJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task ProviderRequestsWithACostBreakdown_CommissionerPartAccepts_TheAgreementShowsTheVariation()
    {
        var dps = await site.Data.CreateDpsAsync();
        var officer = await site.Data.OfficerForAsync(dps);
        var (provider, vacancyId) = await site.Data.FittingProviderAsync(dps, 5000m);
        using var officerApi = await site.Data.ClientForAsync(officer);
        var placementId = await site.Data.Placement(officerApi, dps.LotId).With(provider, vacancyId).At(5000m).PlaceAsync();
        using var commissionerApi = await site.Data.ClientForAsync(dps.Commissioner);
        var dpsName = (await commissionerApi.GetFromJsonAsync<JsonElement>($"/api/dps/{dps.Id}")).GetProperty("name").GetString()!;

        // The commissioner opens the round.
        var commissioner = await site.NewPageAsync();
        await commissioner.SignInAsync(dps.Commissioner.Email, dps.Commissioner.Password);
        await commissioner.FollowNavigationAsync("Fee uplifts");
        await Expect(commissioner.GetByRole(AriaRole.Heading, new() { Name = "Fee uplifts", Level = 1 })).ToBeVisibleAsync();
        await commissioner.AssertNoSeriousViolationsAsync();
        await commissioner.GetByRole(AriaRole.Link, new() { Name = $"Open an uplift round for {dpsName}" }).ClickAsync();
        await commissioner.AssertNoSeriousViolationsAsync();
        await commissioner.GetByLabel("Name of the round").FillAsync("2026 winter fee uplift");
        await FillDateAsync(commissioner, "Input.OpensOn", 23, 11, 2026);
        await FillDateAsync(commissioner, "Input.ClosesOn", 10, 12, 2026);
        await FillDateAsync(commissioner, "Input.EffectiveFrom", 15, 12, 2026);
        await commissioner.GetByLabel("Expected uplift (optional)").FillAsync("3");
        await commissioner.GetByLabel("Guidance (optional)").FillAsync("CPI is 3.8%; we expect uplifts near 3% for most providers.");
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Open the round and tell the providers" }).ClickAsync();
        await Expect(commissioner.GetByText("The round is open and 1 provider has been told")).ToBeVisibleAsync();
        await Expect(commissioner.GetByRole(AriaRole.Heading, new() { Name = "2026 winter fee uplift", Level = 1 })).ToBeVisibleAsync();
        await commissioner.AssertNoSeriousViolationsAsync();
        var roundAddress = commissioner.Url;

        // The provider writes the request section by section, checks it and submits it.
        var providerPage = await site.NewPageAsync();
        await providerPage.SignInAsync(provider.User.Email, provider.User.Password);
        await providerPage.FollowNavigationAsync("Fee uplifts");
        await providerPage.AssertNoSeriousViolationsAsync();
        await providerPage.GetByRole(AriaRole.Link, new() { Name = "2026 winter fee uplift" }).ClickAsync();
        await Expect(providerPage.GetByRole(AriaRole.Heading, new() { Name = "Your uplift request", Level = 1 })).ToBeVisibleAsync();
        await Expect(providerPage.GetByText("CPI is 3.8%")).ToBeVisibleAsync();
        await providerPage.AssertNoSeriousViolationsAsync();

        await providerPage.GetByRole(AriaRole.Link, new() { Name = "Uplift requested" }).ClickAsync();
        await providerPage.GetByLabel("Uplift requested").FillAsync("four and a half");
        await providerPage.GetByRole(AriaRole.Button, new() { Name = "Save and return to your request" }).ClickAsync();
        await Expect(providerPage.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter the uplift as a number");
        await providerPage.AssertNoSeriousViolationsAsync();
        await providerPage.GetByLabel("Uplift requested").FillAsync("4.5");
        await providerPage.GetByRole(AriaRole.Button, new() { Name = "Save and return to your request" }).ClickAsync();
        await Expect(providerPage.GetByText("The uplift requested is saved")).ToBeVisibleAsync();

        await providerPage.GetByRole(AriaRole.Link, new() { Name = "Cost breakdown" }).ClickAsync();
        await Expect(providerPage.GetByRole(AriaRole.Heading, new() { Name = "Cost breakdown", Level = 1 })).ToBeVisibleAsync();
        await providerPage.AssertNoSeriousViolationsAsync();
        await providerPage.GetByLabel("Staffing: last year").FillAsync("820000");
        await providerPage.GetByLabel("Staffing: next year").FillAsync("874940");
        await providerPage.GetByLabel("Premises: last year").FillAsync("96000");
        await providerPage.GetByLabel("Premises: next year").FillAsync("99000");
        await providerPage.GetByRole(AriaRole.Button, new() { Name = "Save and return to your request" }).ClickAsync();
        await Expect(providerPage.GetByText("The cost breakdown is saved")).ToBeVisibleAsync();

        await providerPage.GetByRole(AriaRole.Link, new() { Name = "Justification" }).ClickAsync();
        await providerPage.AssertNoSeriousViolationsAsync();
        await providerPage.GetByLabel("Your justification").FillAsync("Care staff pay follows the National Living Wage, up 6.7% in April.");
        await providerPage.GetByRole(AriaRole.Button, new() { Name = "Save and return to your request" }).ClickAsync();
        await Expect(providerPage.GetByText("The justification is saved")).ToBeVisibleAsync();
        await providerPage.AssertNoSeriousViolationsAsync();

        await providerPage.GetByRole(AriaRole.Link, new() { Name = "Check your answers" }).ClickAsync();
        await Expect(providerPage.GetByRole(AriaRole.Heading, new() { Name = "Check your answers before submitting your request", Level = 1 })).ToBeVisibleAsync();
        await Expect(providerPage.GetByText("Staffing: £820,000 last year, £874,940 next year")).ToBeVisibleAsync();
        await providerPage.AssertNoSeriousViolationsAsync();
        await providerPage.GetByRole(AriaRole.Button, new() { Name = "Submit the request" }).ClickAsync();
        await Expect(providerPage.GetByText("Your uplift request has been submitted")).ToBeVisibleAsync();
        await Expect(providerPage.GetByText("The commissioners have not decided your request yet")).ToBeVisibleAsync();
        await providerPage.AssertNoSeriousViolationsAsync();

        // The commissioner decides it beside its benchmarks: part-accepted at 3%.
        await commissioner.GotoAsync(roundAddress);
        await commissioner.GetByTestId("requests").GetByRole(AriaRole.Link, new() { Name = provider.Name }).ClickAsync();
        await Expect(commissioner.GetByRole(AriaRole.Heading, new() { Name = $"Uplift request from {provider.Name}", Level = 1 })).ToBeVisibleAsync();
        await Expect(commissioner.GetByTestId("requested")).ToContainTextAsync("4.5%");
        await Expect(commissioner.GetByTestId("price-benchmarks")).ToContainTextAsync("£5,000");
        await commissioner.AssertNoSeriousViolationsAsync();
        await commissioner.GetByRole(AriaRole.Radio, new() { Name = "Part-accept" }).CheckAsync();
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(commissioner.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter the uplift agreed");
        await commissioner.AssertNoSeriousViolationsAsync();
        await commissioner.GetByRole(AriaRole.Radio, new() { Name = "Part-accept" }).CheckAsync();
        await commissioner.GetByLabel("Uplift agreed, if you part-accept").FillAsync("3");
        await commissioner.GetByLabel("Reason for the decision").FillAsync("In line with the round's guidance; staffing costs are evidenced.");
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(commissioner.GetByText("The request is part-accepted: 1 price changed and the provider told")).ToBeVisibleAsync();
        await Expect(commissioner.GetByTestId("costs")).ToContainTextAsync("3%");
        await commissioner.AssertNoSeriousViolationsAsync();

        // The provider sees the decision; the agreement lists the variation, printable on its own.
        await providerPage.ReloadAsync();
        await Expect(providerPage.GetByTestId("decision")).ToContainTextAsync("3% agreed");
        await Expect(providerPage.GetByText("In line with the round's guidance")).ToBeVisibleAsync();
        await providerPage.AssertNoSeriousViolationsAsync();
        await providerPage.GotoAsync($"/placements/{placementId}/agreement");
        var variations = providerPage.GetByTestId("variations");
        await Expect(variations).ToContainTextAsync("15 December 2026");
        await Expect(variations).ToContainTextAsync("£5,000 to £5,150 a week");
        await Expect(variations).ToContainTextAsync("2026 winter fee uplift");
        await providerPage.AssertNoSeriousViolationsAsync();
        await variations.GetByRole(AriaRole.Link, new() { Name = "Price change" }).ClickAsync();
        await Expect(providerPage.GetByRole(AriaRole.Heading, new() { Name = "Variation of the Individual Placement Agreement", Level = 1 })).ToBeVisibleAsync();
        await Expect(providerPage.GetByTestId("variation-price")).ToHaveTextAsync(new Regex("£5,000 a week before; £5,150 a week from 15 December 2026"));
        await providerPage.AssertNoSeriousViolationsAsync();
    }

    private static async Task FillDateAsync(IPage page, string field, int day, int month, int year)
    {
        await page.Locator($"[name='{field}.Day']").FillAsync(day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"[name='{field}.Month']").FillAsync(month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"[name='{field}.Year']").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

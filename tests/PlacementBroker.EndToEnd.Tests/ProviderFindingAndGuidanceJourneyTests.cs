using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PlacementBroker.Core;
using PlacementBroker.Core.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// Everyday journeys around providers: a QA officer and a commissioner find a provider and act on it; a setting is
/// located from a real postcode and matched by distance; a new provider is shown its next steps; every page links to
/// the user guide. Every page the tests visit is scanned with axe.
/// </summary>
public partial class ProviderFindingAndGuidanceJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string Password = DemoDataSeeder.DemoPassword;

    [Fact]
    public async Task QaOfficer_FindsAProviderByUrn_AndRaisesAFlagFromTheResult()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("qa.officer@leeds.demo.placementbroker.uk", Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Find a provider" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Find a provider", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // The URN of one of Oakfield's settings, typed as people do.
        await page.GetByLabel("Ofsted URN").FillAsync("sc415413");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var result = page.GetByTestId("provider-result");
        await Expect(result).ToHaveCountAsync(1);
        await Expect(result).ToContainTextAsync("Oakfield Family Fostering Ltd");
        await Expect(result).ToContainTextAsync("URN SC415413");
        await page.AssertNoSeriousViolationsAsync();
        await AssertFitsAPhoneAsync(page);

        await result.GetByRole(AriaRole.Link, new() { Name = "Raise a flag about Oakfield Family Fostering Ltd" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Raise a flag", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Complaint", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Low", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync("A parent complained that contact arrangements changed at short notice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise flag" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Oakfield Family Fostering Ltd", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("A parent complained that contact arrangements changed at short notice").First).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        // Back to the search: by grade and status, then record a visit from a result.
        await page.GotoAsync("/providers?name=pennine");
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByTestId("provider-result").GetByRole(AriaRole.Link, new() { Name = "Record a visit to Pennine Care Homes Ltd" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Record a visit", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task Commissioner_FindsAProviderByName_AndOpensItsScorecardAndQaProfile()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("commissioner@leeds.demo.placementbroker.uk", Password);
        await page.GotoAsync("/providers");
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByLabel("Provider name").FillAsync("pennine care");
        await page.GetByLabel("QA status").SelectOptionAsync(new SelectOptionValue { Label = "Any status" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var result = page.GetByTestId("provider-result");
        await Expect(result).ToHaveCountAsync(1);
        await Expect(result.Locator("[data-qa-status]")).ToBeVisibleAsync();
        await Expect(result.GetByRole(AriaRole.Link, new() { Name = "Raise a flag about Pennine Care Homes Ltd" })).ToHaveCountAsync(0);
        await page.AssertNoSeriousViolationsAsync();

        await result.GetByRole(AriaRole.Link, new() { Name = "Scorecard of Pennine Care Homes Ltd" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pennine Care Homes Ltd" }).First).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GoBackAsync();
        await page.GetByTestId("provider-result").GetByRole(AriaRole.Link, new() { Name = "QA profile of Pennine Care Homes Ltd" }).ClickAsync();
        await Expect(page.Locator("#qa-status")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task Provider_AddsASettingByARealPostcode_ItsVacancyIsMatchedByDistance()
    {
        var dps = await site.Data.CreateDpsAsync(lotType: PlacementType.ResidentialCare);
        var provider = await site.Data.Provider().ChildrensHome().CreateAsync();
        await site.Data.ApplyAsync(provider, dps);

        var page = await site.NewPageAsync();
        await page.SignInAsync(provider.User.Email, provider.User.Password);
        await page.GotoAsync("/provider/settings/new");
        await Expect(page.GetByLabel("Latitude")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Longitude")).ToHaveCountAsync(0);
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByLabel("Name of the setting").FillAsync("Armley Lodge");
        await page.GetByLabel("Ofsted unique reference number (URN)").FillAsync("2991207");
        await page.GetByLabel("Postcode").FillAsync("LS12 3AB");
        await page.GetByLabel("Good", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Registered places").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add setting" }).ClickAsync();
        await Expect(page.GetByText("Armley Lodge has been added")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.GotoAsync("/provider/vacancies/new");
        await page.GetByLabel("Setting").SelectOptionAsync(new SelectOptionValue { Label = "Armley Lodge" });
        await page.GetByLabel("Lot", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = dps.LotId.ToString() });
        await page.GetByLabel("Number of places").FillAsync("1");
        await page.GetByLabel("Youngest age accepted").FillAsync("10");
        await page.GetByLabel("Oldest age accepted").FillAsync("17");
        await page.GetByLabel("Female", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Emotional and behavioural").CheckAsync();
        await page.GetByLabel("Weekly price").FillAsync("5200");
        await page.GetByLabel("Day").FillAsync("30");
        await page.GetByLabel("Month").FillAsync("11");
        await page.GetByLabel("Year").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish vacancy" }).ClickAsync();
        await Expect(page.Locator("tr", new() { HasText = "Armley Lodge" })).ToContainTextAsync("Open");
        await page.AssertNoSeriousViolationsAsync();

        // A child at home in LS6 (TestData.ReferralBody): the Armley vacancy, a couple of miles away, is ranked with its distance.
        var officer = await site.Data.OfficerForAsync(dps);
        using var api = await site.Data.ClientForAsync(officer);
        var referral = await (await api.PostAsJsonAsync("/api/referrals", site.Data.ReferralBody(dps.LotId))).Content.ReadFromJsonAsync<JsonElement>();
        var officerPage = await site.NewPageAsync();
        await officerPage.SignInAsync(officer.Email, officer.Password);
        await officerPage.GotoAsync($"/referrals/{referral.GetProperty("id").GetString()}");
        await officerPage.GetByText("Potential matches").First.ClickAsync();
        var row = officerPage.Locator("tr", new() { HasText = "Armley Lodge" });
        await Expect(row).ToContainTextAsync("LS12");
        var text = await row.InnerTextAsync();
        var distance = Miles().Match(text);
        Assert.True(distance.Success, $"No distance in the row: {text}");
        Assert.InRange(double.Parse(distance.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1, 5);
        await officerPage.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task NewProvider_FollowsItsNextSteps_FromAddingASettingToApplying()
    {
        var provider = await site.Data.Provider().ChildrensHome().CreateAsync();
        var page = await site.NewPageAsync();
        await page.SignInAsync(provider.User.Email, provider.User.Password);
        var steps = page.GetByTestId("next-steps");
        await Expect(steps).ToBeVisibleAsync();
        await Expect(page.Locator("#step-apply-status")).ToHaveTextAsync("Cannot start yet");
        await page.AssertNoSeriousViolationsAsync();

        await steps.GetByRole(AriaRole.Link, new() { Name = "Add a setting" }).ClickAsync();
        await page.GetByLabel("Name of the setting").FillAsync("Bramley Grange");
        await page.GetByLabel("Ofsted unique reference number (URN)").FillAsync("2991208");
        await page.GetByLabel("Postcode").FillAsync("LS13 2AA");
        await page.GetByLabel("Outstanding", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Registered places").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add setting" }).ClickAsync();
        await Expect(page.GetByText("Bramley Grange has been added")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Home" }).First.ClickAsync();
        await Expect(page.Locator("#step-setting-status")).ToHaveTextAsync("Completed");
        await page.AssertNoSeriousViolationsAsync();
        await steps.GetByRole(AriaRole.Link, new() { Name = "Apply to join a DPS lot" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "DPS and lots", Level = 1 })).ToBeVisibleAsync();
        // A children's home is offered the residential lot, not the fostering ones.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply to Lot 4: Residential children's homes" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Lot 1: Standard fostering")).ToHaveCountAsync(0);
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to Lot 4: Residential children's homes" }).ClickAsync();
        var incomplete = page.Locator(".govuk-task-list").First.Locator(".govuk-task-list__item:has(.govuk-tag--blue) a.govuk-task-list__link");
        while (await incomplete.CountAsync() > 0)
        {
            await incomplete.First.ClickAsync();
            await page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Check your answers" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your organisation", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("next-steps")).ToHaveCountAsync(0);
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task EveryUser_ReachesTheirGuideFromTheHelpLink()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Help and user guides" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Help", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.SignInAsync("placing.officer@leeds.demo.placementbroker.uk", Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Help and user guides" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Guide for placing officers"));
        await page.AssertNoSeriousViolationsAsync();
        await AssertFitsAPhoneAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Guide for placement managers" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Guide for placement managers"));
        await page.AssertNoSeriousViolationsAsync();
    }

    /// <summary>At 375 px wide the page does not scroll sideways.</summary>
    private static async Task AssertFitsAPhoneAsync(IPage page)
    {
        var size = page.ViewportSize;
        await page.SetViewportSizeAsync(375, 800);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} scrolls {overflow}px sideways at 375px");
        if (size is not null)
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
        }
    }

    [GeneratedRegex(@"(\d+(?:\.\d)?) miles")]
    private static partial Regex Miles();
}

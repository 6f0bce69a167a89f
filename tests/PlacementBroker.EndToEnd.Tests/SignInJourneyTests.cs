using Microsoft.Playwright;
using PlacementBroker.Core.Seeding;
using PlacementBroker.TestCommon;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>Every demo role signs in through the browser and lands on its own home page, with no serious axe violations.</summary>
public class SignInJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("placing.officer@leeds.demo.placementbroker.uk", "Finding placements", "Open vacancies")]
    [InlineData("placement.manager@bradford.demo.placementbroker.uk", "Your placements team", "Places available")]
    [InlineData("qa.officer@wakefield.demo.placementbroker.uk", "Quality assurance", "Settings graded Inadequate")]
    [InlineData("commissioner@leeds.demo.placementbroker.uk", "Your Dynamic Purchasing Systems", "Applications overdue")]
    [InlineData("referrals@oakfield-family-fostering.demo.placementbroker.uk", "Your organisation", "Lots joined")]
    public async Task SignIn_DemoRole_SeesItsHomePage(string email, string heading, string card)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.AssertNoSeriousViolationsAsync();

        await page.SignInAsync(email, DemoDataSeeder.DemoPassword);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = card })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task SignIn_PlatformAdmin_ManagesAuthoritiesAndUsers()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsAdminAsync(site);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Platform administration" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "commissioner@leeds.demo.placementbroker.uk" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a user" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByLabel("Full name").FillAsync("Robin Finder");
        await page.GetByLabel("Email address").FillAsync("robin.finder@kirklees.demo.placementbroker.uk");
        await page.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Placing officer" });
        await page.GetByLabel("Local authority").SelectOptionAsync(new SelectOptionValue { Label = "Kirklees Council" });
        await page.GetByLabel("Temporary password").FillAsync("Robin-Passw0rd!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Expect(page.GetByText("Robin Finder can now sign in")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsAnAccessibleErrorSummary()
    {
        var page = await site.NewPageAsync();

        await page.SignInAsync("placing.officer@leeds.demo.placementbroker.uk", "Not-the-passw0rd");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Enter a correct email address and password" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task RegisterProvider_Journey_ChecksEmailThenSignsInToTheProviderHome()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "register their organisation" }).ClickAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();

        await page.GetByLabel("Organisation name").FillAsync("Harbour Lights Fostering Ltd");
        await page.GetByLabel("Type of provider").SelectOptionAsync("IndependentFosteringAgency");
        await page.GetByLabel("Companies House or Charity Commission number").FillAsync("08123456");
        await page.GetByLabel("Referrals contact email address").FillAsync("referrals@harbourlights.example");
        await page.GetByLabel("Full name").FillAsync("Chris Harbour");
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync("chris@harbourlights.example");
        await page.GetByLabel("Create a password").FillAsync("Harbour-Passw0rd!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        // Registration never signs in: the page reads the same whether or not the address already had an account.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.SignInAsync("chris@harbourlights.example", "Harbour-Passw0rd!");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your organisation", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Harbour Lights Fostering Ltd")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("verification-banner")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task SecondFactor_TurnedOnInTheBrowser_AsksForTheCodeAtTheNextSignIn()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("placing.officer@wakefield.demo.placementbroker.uk", DemoDataSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign-in settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Second factor", Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        var codes = new OneTimeCodes((await page.GetByTestId("totp-secret").TextContentAsync())!.Trim());

        await page.GetByLabel("Code from your authenticator app").FillAsync(codes.Next(site.Clock.GetUtcNow())!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on second factor" }).ClickAsync();
        await Expect(page.GetByTestId("recovery-codes").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(10);
        await page.AssertNoSeriousViolationsAsync();

        var next = await site.NewPageAsync();
        await next.SignInAsync("placing.officer@wakefield.demo.placementbroker.uk", DemoDataSeeder.DemoPassword);
        await Expect(next.GetByRole(AriaRole.Heading, new() { Name = "Enter the code from your authenticator app" })).ToBeVisibleAsync();
        await next.AssertNoSeriousViolationsAsync();
        await next.GetByLabel("Code", new() { Exact = true }).FillAsync(codes.Next(site.Clock.GetUtcNow())!);
        await next.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(next.GetByRole(AriaRole.Heading, new() { Name = "Finding placements", Level = 1 })).ToBeVisibleAsync();
    }
}

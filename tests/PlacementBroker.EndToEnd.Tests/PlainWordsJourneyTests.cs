using System.Net.Http.Json;
using Microsoft.Playwright;
using PlacementBroker.Core;
using PlacementBroker.Core.Seeding;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// Users' words, not ours (<see cref="UsersWords"/>), walked in the browser with axe on every page: the referral with
/// its ranked offers and exclusions, password changes, declines as the provider chose them, the billing check and a
/// search by grade; every error summary lists its problems in the order of the fields. Every role's everyday pages
/// are read for the same words in <see cref="SmallScreenJourneyTests"/>.
/// </summary>
public class PlainWordsJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    private static Task AssertUsersWordsAsync(IPage page) => UsersWords.AssertAsync(page);

    /// <summary>The error summary links to each field in error, in the order the fields come on the page.</summary>
    private static async Task AssertErrorsInFieldOrderAsync(IPage page, int atLeast)
    {
        var order = await page.EvaluateAsync<string[][]>(
            """
            () => {
              const linked = [...document.querySelectorAll('.govuk-error-summary__list a')].map(a => decodeURIComponent(a.getAttribute('href').slice(1)));
              const onPage = [...document.querySelectorAll('[id]')].map(e => e.id).filter(id => linked.includes(id));
              return [linked, [...new Set(onPage)]];
            }
            """);
        var (linked, onPage) = (order[0], order[1]);
        Assert.True(linked.Length >= atLeast, $"{page.Url}: the summary lists {linked.Length} problems: {string.Join(", ", linked)}");
        Assert.True(linked.All(onPage.Contains), $"{page.Url}: the summary links to fields the page does not have: {string.Join(", ", linked.Except(onPage))}");
        Assert.Equal(onPage, linked);
        // The first link takes the user to its field.
        await page.Locator(".govuk-error-summary__list a").First.ClickAsync();
        await Expect(page.Locator($"[id='{linked[0]}']")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Officer_ChangesPassword_ReadsTheServicesWords_InTheOrderOfTheFields()
    {
        var dps = await site.Data.CreateDpsAsync();
        var officer = await site.Data.OfficerForAsync(dps);
        var page = await site.NewPageAsync();
        await page.SignInAsync(officer.Email, officer.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change your password", Level = 1 })).ToBeVisibleAsync();
        await AssertUsersWordsAsync(page);

        var summary = page.Locator(".govuk-error-summary");
        var change = page.GetByRole(AriaRole.Button, new() { Name = "Change password" });
        await change.ClickAsync();
        await Expect(summary).ToContainTextAsync("Enter your current password");
        await AssertUsersWordsAsync(page);
        await AssertErrorsInFieldOrderAsync(page, 3);

        async Task TryAsync(string current, string password, string expected)
        {
            await page.GetByLabel("Current password").FillAsync(current);
            await page.GetByLabel("New password", new() { Exact = true }).FillAsync(password);
            await page.GetByLabel("Confirm your new password").FillAsync(password);
            await change.ClickAsync();
            await Expect(summary).ToContainTextAsync(expected);
            await AssertUsersWordsAsync(page);
        }
        await TryAsync(officer.Password, "aaaaaaaaaaaaaa", "Password must use at least 4 different characters");
        await TryAsync(officer.Password, "Short1!", "Password must be 12 characters or more");
        await TryAsync(officer.Password, "Password123456!", "This password is too common and easy to guess");
        await TryAsync("not-my-password", "Heather-Lantern-Quarry-42", "Your current password is not right");

        await page.GetByLabel("Current password").FillAsync(officer.Password);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Heather-Lantern-Quarry-42");
        await page.GetByLabel("Confirm your new password").FillAsync("Heather-Lantern-Quarry-42");
        await change.ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Your password has been changed");
        await AssertUsersWordsAsync(page);
    }

    [Fact]
    public async Task ProvidersDecline_TheOfficerReadsEachReasonInPlainEnglish()
    {
        var dps = await site.Data.CreateDpsAsync();
        var officer = await site.Data.OfficerForAsync(dps);
        var (registration, _) = await site.Data.FittingProviderAsync(dps);
        var (needs, _) = await site.Data.FittingProviderAsync(dps);
        var referralId = await site.Data.Referral(dps.LotId).SendAsync(officer);

        // One provider declines through its pages.
        var page = await site.NewPageAsync();
        await page.SignInAsync(registration.User.Email, registration.User.Password);
        await page.GotoAsync($"/provider/referrals/{referralId}");
        await AssertUsersWordsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Decline", Exact = true }).ClickAsync();
        await AssertUsersWordsAsync(page);
        await page.GetByRole(AriaRole.Radio, new() { Name = "It is outside our Ofsted registration" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Decline referral" }).ClickAsync();
        await Expect(page.GetByText("Your organisation declined this referral: it is outside our Ofsted registration.")).ToBeVisibleAsync();
        await AssertUsersWordsAsync(page);

        // Another declines through the API.
        using (var api = await site.Data.ClientForAsync(needs.User))
        {
            (await api.PostAsJsonAsync($"/api/referrals/{referralId}/decline", new { reason = "CannotMeetNeeds" })).EnsureSuccessStatusCode();
        }

        var officerPage = await site.NewPageAsync();
        await officerPage.SignInAsync(officer.Email, officer.Password);
        await officerPage.GotoAsync($"/referrals/{referralId}");
        var declines = officerPage.Locator("#declines [data-decline]");
        await Expect(declines).ToHaveCountAsync(2);
        await Expect(declines.Filter(new() { HasText = registration.Name })).ToHaveTextAsync($"{registration.Name}: it is outside our Ofsted registration");
        await Expect(declines.Filter(new() { HasText = needs.Name })).ToHaveTextAsync($"{needs.Name}: we cannot meet the child's needs");
        await AssertUsersWordsAsync(officerPage);
    }

    [Fact]
    public async Task MultiFieldForms_ListTheirErrorsInTheOrderOfTheFields()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/providers/register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await AssertUsersWordsAsync(page);
        await AssertErrorsInFieldOrderAsync(page, 4);

        var provider = await site.Data.Provider().ChildrensHome().CreateAsync();
        await page.SignInAsync(provider.User.Email, provider.User.Password);
        await page.GotoAsync("/provider/settings/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add setting" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await AssertUsersWordsAsync(page);
        await AssertErrorsInFieldOrderAsync(page, 3);

        await page.GotoAsync("/provider/vacancies/new");
        await page.GetByLabel("Number of places").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish vacancy" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await AssertUsersWordsAsync(page);
        await AssertErrorsInFieldOrderAsync(page, 3);
    }

    [Fact]
    public async Task Officer_ReadsRanksScoresAndReasonsInWords_AndTheCommissionersChecksToo()
    {
        // A referral with an offer that fits and one that does not: ranks, scores, reasons and matches in words.
        var dps = await site.Data.CreateDpsAsync();
        var officer = await site.Data.OfficerForAsync(dps);
        var (fitting, fittingVacancy) = await site.Data.FittingProviderAsync(dps, 5400m, OfstedGrade.RequiresImprovement);
        var misfit = await site.Data.CreateProviderAsync(ProviderType.ResidentialChildrensHome);
        await site.Data.ApplyAsync(misfit, dps);
        var misfitSetting = await site.Data.CreateSettingAsync(misfit);
        var misfitVacancy = await site.Data.Vacancy(misfit, misfitSetting, dps.LotId).Meeting(Need.Autism).At(5000m).PublishAsync();
        var referralId = await site.Data.Referral(dps.LotId).SendAsync(officer);
        await site.Data.Offer(fitting, referralId, fittingVacancy).At(5400m).SubmitAsync();
        await site.Data.Offer(misfit, referralId, misfitVacancy).At(5000m).SubmitAsync();

        var page = await site.NewPageAsync();
        await page.SignInAsync(officer.Email, officer.Password);
        await page.GotoAsync($"/referrals/{referralId}");
        await Expect(page.Locator("[data-offer-id]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-exclusions]")).ToContainTextAsync("Cannot meet: emotional and behavioural");
        await Expect(page.Locator("#offers")).ToContainTextAsync("Requires improvement to be good");
        await page.GetByText("Potential matches").First.ClickAsync();
        await AssertUsersWordsAsync(page);
        foreach (var entry in new[] { "Referrals", "Placements", "Approvals" })
        {
            await page.FollowNavigationAsync(entry);
            await AssertUsersWordsAsync(page);
        }

        // Each role's everyday pages (its navigation and the first record each lists) are read for the service's
        // words by SmallScreenJourneyTests.KeyPages_OnAPhone_DoNotScrollSideways_AndReadInTheServicesWords, which
        // visits them all once.

        // The commissioner's check before billing, and a search by a grade below good.
        page = await site.NewPageAsync();
        await page.SignInAsync("commissioner@leeds.demo.placementbroker.uk", DemoDataSeeder.DemoPassword);
        await page.GotoAsync("/billing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator("[data-confirm-warning]")).ToBeVisibleAsync();
        await AssertUsersWordsAsync(page);
        await page.GotoAsync("/providers");
        await page.GetByLabel("Ofsted grade").SelectOptionAsync(new SelectOptionValue { Label = "Requires improvement to be good" });
        await page.GetByLabel("QA status").SelectOptionAsync(new SelectOptionValue { Label = "Any status" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByTestId("provider-result").Filter(new() { HasText = fitting.Name })).ToContainTextAsync("Requires improvement to be good");
        await AssertUsersWordsAsync(page);
    }
}

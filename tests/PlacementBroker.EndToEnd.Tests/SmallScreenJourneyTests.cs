using System.Net.Http.Json;
using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Notifications;
using PlacementBroker.Core.Seeding;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Pages;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// The service on a phone (375 pixels wide) and on a desktop: no page scrolls sideways, the navigation stays on one
/// row (the rest under "More") and is one "Menu" on a phone, the sufficiency report has a contents list, and a reason
/// is asked for under the choice that needs it. axe scans every page visited, and each role's pages are read for
/// words that are not the service's (<see cref="UsersWords"/>).
/// </summary>
public class SmallScreenJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const int PhoneWidth = 375;

    /// <summary>Each role's account in the demo data (the platform admin is the test site's, with its one-time code).</summary>
    private static readonly Dictionary<string, Role> RoleOf = new()
    {
        ["placing.officer@leeds.demo.placementbroker.uk"] = Role.PlacingOfficer,
        ["placement.manager@leeds.demo.placementbroker.uk"] = Role.PlacementManager,
        ["commissioner@leeds.demo.placementbroker.uk"] = Role.Commissioner,
        ["qa.officer@leeds.demo.placementbroker.uk"] = Role.QaOfficer,
        ["referrals@pennine-care-homes.demo.placementbroker.uk"] = Role.ProviderUser,
        ["admin"] = Role.PlatformAdmin,
    };

    public static TheoryData<string> Accounts => new(RoleOf.Keys);

    private async Task<IPage> SignedInAsync(string account, int width, int height = 812, string password = DemoDataSeeder.DemoPassword)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.ServerAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        if (account == "admin")
        {
            await page.SignInAsAdminAsync(site);
        }
        else
        {
            await page.SignInAsync(account, password);
        }
        await Expect(page.GetByText("Signed in as")).ToBeVisibleAsync();
        return page;
    }

    private static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");

    /// <summary>
    /// What makes the page wider than the screen: the outermost elements past its right edge that no scrolling region
    /// holds in (an absolutely positioned element, such as visually hidden text, escapes a region that is not positioned).
    /// </summary>
    private const string WiderThanTheScreen =
        """
        () => {
          const clipped = e => {
            let position = getComputedStyle(e).position;
            for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
              if (position === 'fixed') return true;
              const style = getComputedStyle(p);
              if (position === 'absolute' && style.position === 'static') continue;
              if (style.overflowX !== 'visible') return true;
              position = style.position;
            }
            return false;
          };
          const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !clipped(e));
          return wide.filter(e => !wide.includes(e.parentElement)).slice(0, 4)
            .map(e => `${e.tagName}.${e.className} "${e.textContent.trim().slice(0, 40)}" reaches ${Math.round(e.getBoundingClientRect().right)}px`)
            .join('; ') + `; the page is ${document.documentElement.scrollWidth}px wide`;
        }
        """;

    /// <summary>
    /// The role's main pages, 375 pixels wide: every entry of its navigation (those under "More" on a desktop too, and
    /// its emails) and the first record each lists (a referral, a placement, a DPS, an email). One signed-in page per
    /// account (the sweep runs in CI: about two minutes for the six), axe and the service's words on each page.
    /// </summary>
    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task KeyPages_OnAPhone_DoNotScrollSideways_AndReadInTheServicesWords(string account)
    {
        // An email to the account, with a long link in it as the service's emails have, so its emails list a record.
        using (var scope = site.Services.CreateScope())
        {
            var to = account == "admin" ? PlacementBrokerApp.AdminEmail : account;
            await scope.ServiceProvider.GetRequiredService<EmailOutbox>().QueueAndSaveAsync(to, "Reset your password",
                $"Open this link to choose a new password:\nhttps://placementbroker.test/account/reset-password?token={new string('x', 120)}",
                reference: $"small-screens:{to}");
        }
        var page = await SignedInAsync(account, PhoneWidth);

        // On a phone every entry is in the one Menu list, hidden until it opens: the entries are read from the page.
        var pages = await page.Locator("#navigation a[href]").EvaluateAllAsync<string[]>(
            "links => [...new Set(links.map(a => a.getAttribute('href')).filter(h => h.startsWith('/') && !h.startsWith('/jobs')))]");
        var (row, more) = Navigation.Grouped(RoleOf[account], outboxOpen: true);
        Assert.Equal(row.Concat(more).Count(i => i.Page is not null), pages.Length);
        Assert.Contains("/emails", pages);
        var underMore = await page.Locator("#navigation .app-more__link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(more.Count, underMore.Length);
        Assert.All(underMore.Where(href => !href.StartsWith("/jobs")), href => Assert.Contains(href, pages));

        var failures = new List<string>();
        var visited = new HashSet<string>();
        async Task VisitAsync(string path)
        {
            if (!visited.Add(path))
            {
                return;
            }
            var response = await page.GotoAsync(path);
            Assert.True(response?.Ok == true, $"{path} answered {response?.Status}");
            if (await ScrollsSidewaysAsync(page))
            {
                failures.Add($"{path} scrolls sideways at {PhoneWidth}px: {await page.EvaluateAsync<string>(WiderThanTheScreen)}");
            }
            await page.AssertNoSeriousViolationsAsync();
            failures.AddRange((await UsersWords.FindAsync(page)).Select(found => $"{path} shows {found}"));
        }

        // The home page the account lands on, then every entry.
        await VisitAsync("/");
        foreach (var path in pages)
        {
            await VisitAsync(path);
            // The first record the page lists (a referral, a placement, a DPS, an email): detail pages are wide too.
            var first = page.Locator("main table a[href^='/']").First;
            if (await first.CountAsync() > 0 && await first.GetAttributeAsync("href") is { } detail && !detail.Contains('?'))
            {
                await VisitAsync(detail.Split('#')[0]);
            }
        }
        Assert.True(visited.Count > pages.Length, $"{account} visited no record: {string.Join(", ", visited)}");
        Assert.True(visited.Any(p => p.StartsWith("/emails/")), $"{account} did not open an email: {string.Join(", ", visited)}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Navigation_StaysOnOneRowOnADesktop_TheRestUnderMore_AndIsOneMenuOnAPhone(string account)
    {
        var desktop = await SignedInAsync(account, 1280, 800);
        var navigation = desktop.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        var tops = await navigation.Locator(".govuk-service-navigation__item").EvaluateAllAsync<double[]>(
            "items => items.filter(i => i.offsetParent !== null).map(i => Math.round(i.getBoundingClientRect().top))");
        Assert.NotEmpty(tops);
        Assert.True(tops.Distinct().Count() == 1, $"The navigation wraps onto {tops.Distinct().Count()} rows: {string.Join(", ", tops)}");
        // The account's links are in the header, on every page.
        var accountLinks = desktop.GetByRole(AriaRole.Navigation, new() { Name = "Your account" });
        await Expect(accountLinks.GetByRole(AriaRole.Link, new() { Name = "Sign-in settings" })).ToBeVisibleAsync();
        await Expect(accountLinks.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        var more = navigation.Locator("summary", new() { HasText = "More" });
        string? fromMore = null;
        if (await more.CountAsync() > 0)
        {
            var hidden = navigation.Locator(".app-more__link").First;
            await Expect(hidden).ToBeHiddenAsync();
            await more.ClickAsync();
            await Expect(hidden).ToBeVisibleAsync();
            fromMore = (await hidden.InnerTextAsync()).Trim();
            await desktop.AssertNoSeriousViolationsAsync();
            await hidden.ClickAsync();
            // The page opened from More is marked as the current one, with More itself.
            await Expect(navigation.Locator(".app-service-navigation__more")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("govuk-service-navigation__item--active"));
            await Expect(navigation.Locator(".app-more__link[aria-current=page]")).ToHaveCountAsync(1);
        }

        var phone = await SignedInAsync(account, PhoneWidth);
        var phoneNavigation = phone.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        var menu = phoneNavigation.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await Expect(menu).ToBeVisibleAsync();
        await Expect(phoneNavigation.Locator(".app-service-navigation__more")).ToBeHiddenAsync();
        await menu.ClickAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        if (fromMore is not null)
        {
            // On a phone the entries past the first row are in the one Menu list, not under More.
            await Expect(phoneNavigation.GetByRole(AriaRole.Link, new() { Name = fromMore, Exact = true })).ToBeVisibleAsync();
        }
        Assert.False(await ScrollsSidewaysAsync(phone));
        await phone.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task Sufficiency_HasAContentsList_LinkingToEachSection()
    {
        var page = await SignedInAsync("commissioner@leeds.demo.placementbroker.uk", PhoneWidth);
        await page.GotoAsync("/sufficiency");
        var contents = page.GetByRole(AriaRole.Navigation, new() { Name = "Contents" });
        await Expect(contents).ToBeVisibleAsync();
        var links = await contents.GetByRole(AriaRole.Link).AllInnerTextsAsync();
        Assert.Equal(["Headline figures", "Demand", "Supply", "Outcomes", "Price", "Quality", "Locality", "Block contracts", "Unmet need"],
            links.Select(l => l.Trim()).ToArray());
        foreach (var link in links)
        {
            // Each entry leads to a section heading of the same name.
            var href = await contents.GetByRole(AriaRole.Link, new() { Name = link.Trim(), Exact = true }).GetAttributeAsync("href");
            await Expect(page.Locator($"h2{href}")).ToHaveTextAsync(link.Trim());
        }
        await contents.GetByRole(AriaRole.Link, new() { Name = "Unmet need" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#unmet-need$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Unmet need", Level = 2 })).ToBeInViewportAsync();
        Assert.False(await ScrollsSidewaysAsync(page));
        await page.AssertNoSeriousViolationsAsync();

        // The whole DPS's view lists its price disparities too.
        await page.GotoAsync("/sufficiency?scope=dps");
        await Expect(contents.GetByRole(AriaRole.Link, new() { Name = "Price disparities" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task Provider_DeclinesForAnotherReason_TheQuestionOpensUnderThatChoice()
    {
        // A referral sent today to a provider whose vacancy fits it.
        var dps = await site.Data.CreateDpsAsync();
        var officer = await site.Data.OfficerForAsync(dps);
        var (provider, _) = await site.Data.FittingProviderAsync(dps);
        using (var client = await site.Data.ClientForAsync(officer))
        {
            var sent = await client.PostAsJsonAsync("/api/referrals", site.Data.ReferralBody(dps.LotId));
            Assert.Equal(System.Net.HttpStatusCode.Created, sent.StatusCode);
        }
        var page = await SignedInAsync(provider.User.Email, PhoneWidth, password: provider.User.Password);
        await page.GotoAsync("/provider/referrals");
        await page.Locator("main a[href^='/provider/referrals/']").First.ClickAsync();
        Assert.False(await ScrollsSidewaysAsync(page));
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Decline", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Decline the referral", Level = 1 })).ToBeVisibleAsync();
        var reason = page.GetByLabel("What is the reason?");
        await Expect(reason).ToBeHiddenAsync();
        await page.AssertNoSeriousViolationsAsync();

        // Choosing another reason opens the question under it; another choice closes it again.
        var another = page.GetByRole(AriaRole.Radio, new() { Name = "Another reason" });
        await another.CheckAsync();
        await Expect(reason).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "We have no suitable vacancy" }).CheckAsync();
        await Expect(reason).ToBeHiddenAsync();
        await another.CheckAsync();

        // Without the reason: the error is at the question, which stays open under its choice.
        await page.GetByRole(AriaRole.Button, new() { Name = "Decline referral" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync("Say why you are declining");
        await Expect(reason).ToBeVisibleAsync();
        await Expect(another).ToBeCheckedAsync();
        Assert.False(await ScrollsSidewaysAsync(page));
        await page.AssertNoSeriousViolationsAsync();
        await summary.GetByRole(AriaRole.Link, new() { Name = "Say why you are declining" }).ClickAsync();
        await Expect(reason).ToBeFocusedAsync();

        await reason.FillAsync("The child would be the only girl in the home");
        await page.GetByRole(AriaRole.Button, new() { Name = "Decline referral" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("You declined the referral");
        await Expect(page.GetByText("Your organisation declined this referral: another reason")).ToBeVisibleAsync();
        Assert.False(await ScrollsSidewaysAsync(page));
        await page.AssertNoSeriousViolationsAsync();
    }
}

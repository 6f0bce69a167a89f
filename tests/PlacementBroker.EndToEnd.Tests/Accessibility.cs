using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PlacementBroker.TestCommon;

namespace PlacementBroker.EndToEnd.Tests;

public static class Accessibility
{
    /// <summary>Scans the page as it is now with axe and fails on any serious or critical violation.</summary>
    public static async Task AssertNoSeriousViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0,
            $"axe found on {page.Url}:\n" + string.Join("\n", serious.Select(v =>
                $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>Signs in with the password and, for an account with a second factor, the code <paramref name="code"/> gives.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password, Func<string>? code = null)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (code is not null)
        {
            await page.GetByRole(AriaRole.Heading, new() { Name = "Enter the code from your authenticator app" }).WaitForAsync();
            await page.GetByLabel("Code", new() { Exact = true }).FillAsync(code());
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        }
    }

    /// <summary>
    /// Waits until the referral page has gone live and swapped its offers in once (live-region.js marks the list
    /// <c>data-refreshed</c>): a click before that can land on a list that is being replaced, and be lost.
    /// </summary>
    public static Task OffersAreLiveAsync(this IPage page) =>
        Microsoft.Playwright.Assertions.Expect(page.Locator("#offers[data-refreshed]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });

    /// <summary>Signs in as the platform admin: password, then the current one-time code.</summary>
    public static Task SignInAsAdminAsync(this IPage page, PlacementBrokerApp site) =>
        page.SignInAsync(PlacementBrokerApp.AdminEmail, PlacementBrokerApp.AdminPassword, site.NextAdminCode);
}

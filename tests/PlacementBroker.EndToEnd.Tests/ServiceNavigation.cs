using Microsoft.Playwright;

namespace PlacementBroker.EndToEnd.Tests;

public static class ServiceNavigation
{
    /// <summary>
    /// Follows an entry of the service navigation as a user would: straight from the row, or by opening "More" first
    /// when the entry is one of those past the first row (or "Menu" on a phone).
    /// </summary>
    public static async Task FollowNavigationAsync(this IPage page, string entry)
    {
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        var link = navigation.GetByRole(AriaRole.Link, new() { Name = entry, Exact = true });
        if (!await link.First.IsVisibleAsync())
        {
            var menu = navigation.GetByRole(AriaRole.Button, new() { Name = "Menu" });
            if (await menu.IsVisibleAsync())
            {
                await menu.ClickAsync();
            }
            else
            {
                await navigation.Locator("summary", new() { HasText = "More" }).ClickAsync();
            }
        }
        await link.First.ClickAsync();
    }
}

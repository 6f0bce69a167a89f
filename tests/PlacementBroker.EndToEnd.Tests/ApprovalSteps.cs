using Microsoft.Playwright;

namespace PlacementBroker.EndToEnd.Tests;

public static class ApprovalSteps
{
    /// <summary>A placement manager's decision on the approval page: the choice, the reason, then "Record decision".</summary>
    public static async Task DecideApprovalAsync(this IPage page, string choice, string reason)
    {
        await page.GetByLabel(choice).CheckAsync();
        await page.GetByLabel("Reason").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
    }
}

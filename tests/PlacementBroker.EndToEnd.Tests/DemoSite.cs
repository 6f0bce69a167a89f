using Microsoft.Playwright;
using PlacementBroker.TestCommon;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>The demo data set on a real Kestrel server, and Debian's Chromium driven by Playwright.</summary>
public class DemoSite : PlacementBrokerApp
{
    protected override bool RealServer => true;
    protected override bool SeedDemoData => true;

    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    protected override async Task DisposeAppAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAppAsync();
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = ServerAddress.ToString().TrimEnd('/') });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }
}

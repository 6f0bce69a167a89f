using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PlacementBroker.EndToEnd.Tests;

/// <summary>
/// Leeds' commissioner agrees the starter KPIs for the West Yorkshire DPS; Pennine Care Homes completes its KPI return
/// for the quarter (task list, check answers, submit); the commissioner queries it; the provider answers and resubmits;
/// the commissioner accepts it. Every page is scanned with axe.
/// </summary>
public class ContractManagementJourneyTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string Dps = "West Yorkshire Children's Placements DPS";
    private const string Provider = "Pennine Care Homes Ltd";

    [Fact]
    public async Task ProviderCompletesAReturn_CommissionerQueriesIt_ProviderResubmits_CommissionerAccepts()
    {
        var commissioner = await site.NewPageAsync();
        await commissioner.SignInAsync("commissioner@leeds.demo.placementbroker.uk", "Demo-Passw0rd!");
        await commissioner.FollowNavigationAsync("Contracts");
        await Expect(commissioner.GetByRole(AriaRole.Heading, new() { Name = "Contract management", Level = 1 })).ToBeVisibleAsync();
        await commissioner.AssertNoSeriousViolationsAsync();
        await commissioner.GetByRole(AriaRole.Link, new() { Name = Dps }).ClickAsync();
        await commissioner.AssertNoSeriousViolationsAsync();
        await commissioner.GetByRole(AriaRole.Link, new() { Name = "KPIs (0)" }).ClickAsync();
        await Expect(commissioner.GetByRole(AriaRole.Heading, new() { Name = "KPIs", Level = 1 })).ToBeVisibleAsync();
        await commissioner.AssertNoSeriousViolationsAsync();
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Add the starter set" }).ClickAsync();
        await Expect(commissioner.GetByText("9 KPIs of the starter set have been added")).ToBeVisibleAsync();
        await Expect(commissioner.GetByRole(AriaRole.Rowheader, new() { Name = "STAFF", Exact = true })).ToBeVisibleAsync();
        await commissioner.AssertNoSeriousViolationsAsync();

        // The provider starts this quarter's return early: the measured figures are there already.
        var provider = await site.NewPageAsync();
        await provider.SignInAsync("referrals@pennine-care-homes.demo.placementbroker.uk", "Demo-Passw0rd!");
        await provider.FollowNavigationAsync("Contracts");
        await Expect(provider.GetByRole(AriaRole.Heading, new() { Name = "Contracts", Level = 1 })).ToBeVisibleAsync();
        await provider.AssertNoSeriousViolationsAsync();
        await provider.GetByRole(AriaRole.Link, new() { Name = $"{Dps}: 2026-Q4" }).ClickAsync();
        await Expect(provider.GetByRole(AriaRole.Heading, new() { Name = "KPI return for 2026-Q4", Level = 1 })).ToBeVisibleAsync();
        await Expect(provider.GetByText("Figures the platform measured")).ToBeVisibleAsync();
        await Expect(provider.GetByText("referrals received answered with an offer or a decline").First).ToBeVisibleAsync();
        await provider.AssertNoSeriousViolationsAsync();
        foreach (var (kpi, figure) in new[] { ("Incidents notified within 24 hours", "100"), ("Staff turnover", "3"), ("Complaints received", "1"), ("Education attendance", "96") })
        {
            await provider.GetByRole(AriaRole.Link, new() { Name = kpi, Exact = true }).ClickAsync();
            await Expect(provider.GetByRole(AriaRole.Heading, new() { Name = kpi, Level = 1 })).ToBeVisibleAsync();
            await provider.AssertNoSeriousViolationsAsync();
            await provider.GetByLabel("Your figure", new() { Exact = false }).FillAsync(figure);
            await provider.GetByRole(AriaRole.Button, new() { Name = "Save and return to the task list" }).ClickAsync();
            await Expect(provider.GetByText($"{kpi} is saved")).ToBeVisibleAsync();
        }
        // A figure that cannot be a percent is refused with the error summary.
        await provider.GetByRole(AriaRole.Link, new() { Name = "Staff turnover", Exact = true }).ClickAsync();
        await provider.GetByLabel("Your figure", new() { Exact = false }).FillAsync("300");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Save and return to the task list" }).ClickAsync();
        await Expect(provider.GetByRole(AriaRole.Alert)).ToContainTextAsync("must be a percent from 0 to 100");
        await provider.AssertNoSeriousViolationsAsync();
        await provider.GetByRole(AriaRole.Link, new() { Name = "Back to the return" }).ClickAsync();
        await provider.GetByRole(AriaRole.Link, new() { Name = "Check your answers" }).ClickAsync();
        await Expect(provider.GetByRole(AriaRole.Heading, new() { Name = "Check your KPI return for 2026-Q4", Level = 1 })).ToBeVisibleAsync();
        await provider.AssertNoSeriousViolationsAsync();
        await provider.GetByRole(AriaRole.Button, new() { Name = "Submit the return" }).ClickAsync();
        await Expect(provider.GetByText("Your KPI return for 2026-Q4 has been submitted")).ToBeVisibleAsync();
        await provider.AssertNoSeriousViolationsAsync();

        // The commissioner queries it.
        await commissioner.GetByRole(AriaRole.Link, new() { Name = "Back to contract management" }).ClickAsync();
        await Expect(commissioner.GetByRole(AriaRole.Table, new() { Name = "Returns to review" })).ToContainTextAsync(Provider);
        await commissioner.GetByRole(AriaRole.Table, new() { Name = "Returns to review" }).GetByRole(AriaRole.Link, new() { Name = Provider }).ClickAsync();
        await Expect(commissioner.GetByRole(AriaRole.Heading, new() { Name = $"{Provider}: KPI return for 2026-Q4", Level = 1 })).ToBeVisibleAsync();
        await commissioner.AssertNoSeriousViolationsAsync();
        await commissioner.GetByLabel("Query it: the provider must answer and resubmit").CheckAsync();
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await Expect(commissioner.GetByRole(AriaRole.Alert)).ToContainTextAsync("Say what the provider needs to answer or correct");
        await commissioner.AssertNoSeriousViolationsAsync();
        await commissioner.GetByLabel("Query it: the provider must answer and resubmit").CheckAsync();
        await commissioner.GetByLabel("Comment").FillAsync("Staff turnover of 3% is well below the sector: please check the leavers");
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await Expect(commissioner.GetByText($"{Provider}'s 2026-Q4 return has been queried")).ToBeVisibleAsync();
        await commissioner.AssertNoSeriousViolationsAsync();

        // The provider sees the query, corrects the figure and resubmits.
        await provider.ReloadAsync();
        await provider.GetByRole(AriaRole.Link, new() { Name = $"{Dps}: 2026-Q4" }).ClickAsync();
        await Expect(provider.GetByText("Staff turnover of 3% is well below the sector: please check the leavers")).ToBeVisibleAsync();
        await provider.AssertNoSeriousViolationsAsync();
        await provider.GetByRole(AriaRole.Link, new() { Name = "Staff turnover", Exact = true }).ClickAsync();
        await provider.GetByLabel("Your figure", new() { Exact = false }).FillAsync("17");
        await provider.GetByLabel("Commentary (optional)").FillAsync("Corrected: five leavers, not one; two were agency staff");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Save and return to the task list" }).ClickAsync();
        await provider.GetByRole(AriaRole.Link, new() { Name = "Check your answers" }).ClickAsync();
        await Expect(provider.GetByText("Corrected: five leavers, not one; two were agency staff")).ToBeVisibleAsync();
        await provider.GetByRole(AriaRole.Button, new() { Name = "Resubmit the return" }).ClickAsync();
        await Expect(provider.GetByText("Your KPI return for 2026-Q4 has been resubmitted")).ToBeVisibleAsync();

        // The commissioner accepts it; the contract record shows the figures as a chart and a table.
        await commissioner.ReloadAsync();
        await Expect(commissioner.Locator(".govuk-tag", new() { HasText = "Awaiting review" })).ToBeVisibleAsync();
        await Expect(commissioner.GetByText("17.0%")).ToBeVisibleAsync();
        await commissioner.GetByLabel("Accept it").CheckAsync();
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await Expect(commissioner.GetByText($"{Provider}'s 2026-Q4 return has been accepted")).ToBeVisibleAsync();
        await Expect(commissioner.GetByRole(AriaRole.Button, new() { Name = "Save decision" })).ToHaveCountAsync(0);
        await commissioner.AssertNoSeriousViolationsAsync();
        await commissioner.GetByRole(AriaRole.Link, new() { Name = $"{Provider}'s contract record" }).ClickAsync();
        await Expect(commissioner.GetByRole(AriaRole.Heading, new() { Name = $"{Provider}: contract record", Level = 1 })).ToBeVisibleAsync();
        await Expect(commissioner.Locator("canvas[data-chart-table=trend-staff]")).ToBeVisibleAsync();
        await Expect(commissioner.Locator("#trend-staff")).ToContainTextAsync("17.0% (below target)");
        await commissioner.AssertNoSeriousViolationsAsync();
    }
}

using System.Net;
using System.Net.Http.Json;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Commissioning;
using PlacementBroker.Web.Tests.Pages.Referrals;

namespace PlacementBroker.Web.Tests.Pages.Placements;

/// <summary>A placement manager changes a spot placement's weekly price from a date; the placement page shows the history and what billing charged.</summary>
public class PriceChangePageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<(TestDps Dps, TestUser Manager, string PlacementId)> PlacedAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, 4200m);
        var placementId = await app.Data.Placement(officer, dps.LotId).With(provider, vacancyId).At(4200m).PlaceAsync();
        return (dps, await app.Data.CreateUserAsync(Role.PlacementManager, dps.Commissioner.LocalAuthorityId), placementId);
    }

    private static Dictionary<string, string> Form(string price, string day, string month, string year) => new()
    {
        ["Input.WeeklyPrice"] = price, ["Input.EffectiveFrom.Day"] = day, ["Input.EffectiveFrom.Month"] = month, ["Input.EffectiveFrom.Year"] = year,
        ["Input.Reason"] = "Night staffing agreed at the review",
    };

    [Fact]
    public async Task PriceChange_ManagerSavesANewPrice_TheHistoryAndTheBillShowIt()
    {
        var (dps, manager, placementId) = await PlacedAsync();
        using var session = await PageSession.SignedInAsync(app, manager.Email, manager.Password);

        var before = await session.OpenAsync($"/placements/{placementId}");
        var placement = await session.PostFormAndOpenAsync($"/placements/{placementId}/price", Form("£5,600", "15", "12", "2026"));
        using var commissioner = await app.Data.ClientForAsync(dps.Commissioner);
        await (await commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);
        var billed = await session.OpenAsync($"/placements/{placementId}");

        Assert.True(before.HasLinkTo($"/placements/{placementId}/price"));
        Assert.Contains("The weekly price is £5,600.00 from 15 December 2026.", placement.Text);
        Assert.Equal(new[] { "15 December 2026", "Night staffing agreed at the review", "£5,600.00" }, placement.Row("15 December 2026").Take(3));
        // 14 days at £600 and 17 at £800.
        Assert.Equal(new[] { "1 December 2026 to 31 December 2026", "31", "£22,000.00" }, billed.Row("1 December 2026 to 31 December 2026").Take(3));
    }

    [Fact]
    public async Task PriceChange_BadInputOrABilledMonth_ShowsTheErrorSummary()
    {
        var (dps, manager, placementId) = await PlacedAsync();
        using var session = await PageSession.SignedInAsync(app, manager.Email, manager.Password);
        using var commissioner = await app.Data.ClientForAsync(dps.Commissioner);
        await (await commissioner.PostAsJsonAsync("/api/billing/runs", new { periodStart = "2026-12-01", periodEnd = "2026-12-31" })).ReadJsonAsync(HttpStatusCode.Created);

        var nonsense = PageDocument.Parse(await (await session.PostFormAsync($"/placements/{placementId}/price", Form("lots", "31", "2", "2027"))).TextAsync());
        var billed = PageDocument.Parse(await (await session.PostFormAsync($"/placements/{placementId}/price", Form("5600", "20", "12", "2026"))).TextAsync());

        Assert.True(nonsense.HasErrorSummary);
        Assert.Contains("Enter the weekly price in pounds", nonsense.Text);
        Assert.Contains("must be a real date", nonsense.Text);
        Assert.Contains("billed up to 31 December 2026", billed.Text);
    }

    [Fact]
    public async Task PriceChange_OnlyPlacementManagers()
    {
        var (dps, _, placementId) = await PlacedAsync();
        var officer = await app.Data.OfficerForAsync(dps);
        using var session = await PageSession.SignedInAsync(app, officer.Email, officer.Password);

        var page = await session.OpenAsync($"/placements/{placementId}");

        Assert.NotEmpty(page.Heading());
        Assert.DoesNotContain("Change the weekly price", page.PageText);
        Assert.StartsWith("/error/403", (await session.GetAsync($"/placements/{placementId}/price")).RedirectTarget());
    }
}

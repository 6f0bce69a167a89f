using System.Net;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Referrals;

namespace PlacementBroker.Web.Tests.Pages.Commissioning;

/// <summary>A lot's prices page: the accepted prices by needs band and region, and the lead authority's benchmark and band.</summary>
public class LotPricesPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task LotPrices_ShowTheMarketsAndTheLeadSavesTheBand()
    {
        // Two children with complex needs placed in Leeds, at £4,000 and £5,000 a week.
        var (dps, _) = await PriceDisparityMarket.CreateAsync(app);
        using var session = await PageSession.SignedInAsync(app, dps.Commissioner.Email, dps.Commissioner.Password);
        var path = $"/dps/{dps.Id}/lots/{dps.LotId}/prices";

        var page = await session.OpenAsync(path);
        var saved = System.Net.WebUtility.HtmlDecode(await session.PostFormAndFollowAsync(path, new()
        {
            ["Input.BenchmarkWeeklyPrice"] = "4800", ["Input.PriceBandLower"] = "4,000", ["Input.PriceBandUpper"] = "£5,500",
        }));
        var bad = PageDocument.Parse(await (await session.PostFormAsync(path, new() { ["Input.BenchmarkWeeklyPrice"] = "cheap", ["Input.PriceBandLower"] = "6000", ["Input.PriceBandUpper"] = "5000" })).TextAsync());

        Assert.Equal(new[] { "Every placement in the lot", "2", "£4,250", "£4,500", "£4,750", "Not yet: fewer than 10" }, page.Row("Every placement in the lot").Take(6));
        Assert.Contains("Complex needs, Yorkshire and The Humber", page.Text);
        Assert.Contains("The prices of", saved);
        Assert.Contains("value=\"5500\"", saved);
        Assert.True(bad.HasErrorSummary);
        Assert.Contains("Enter a weekly price in pounds", bad.Text);
    }

    [Fact]
    public async Task LotPrices_AParticipantReadsThem_ButCannotChangeThem()
    {
        var participant = await app.Data.CreateLocalAuthorityAsync();
        var dps = await app.Data.CreateDpsAsync(participants: [participant.Id]);
        var commissioner = await app.Data.CreateUserAsync(Role.Commissioner, participant.Id);
        using var session = await PageSession.SignedInAsync(app, commissioner.Email, commissioner.Password);
        var stranger = await app.Data.CreateUserAsync(Role.Commissioner, (await app.Data.CreateLocalAuthorityAsync()).Id);
        using var strangerSession = await PageSession.SignedInAsync(app, stranger.Email, stranger.Password);
        var path = $"/dps/{dps.Id}/lots/{dps.LotId}/prices";

        var page = await session.OpenAsync(path);
        var post = await session.PostFormAsync(path, new() { ["Input.BenchmarkWeeklyPrice"] = "1" });

        Assert.Contains("The lead authority sets them.", page.Text);
        Assert.Contains("No spot placement has been made in this lot yet.", page.Text);
        Assert.StartsWith("/error/403", post.RedirectTarget());
        Assert.Equal(HttpStatusCode.NotFound, (await strangerSession.GetAsync(path)).StatusCode);
    }
}

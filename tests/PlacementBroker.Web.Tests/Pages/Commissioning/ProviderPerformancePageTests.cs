using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Referrals;

namespace PlacementBroker.Web.Tests.Pages.Commissioning;

/// <summary>
/// Provider scorecards as pages. The market: two referrals go to two admitted providers. "Prompt" offers on the first
/// three hours after it went out, is accepted, and declines the second; "Silent" answers neither.
/// </summary>
public class ProviderPerformancePageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private sealed record Market(TestDps Dps, TestProvider Prompt, TestProvider Silent);

    private async Task<Market> MarketAsync()
    {
        var dps = await app.Data.CreateDpsAsync();
        using var officerClient = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps));
        var (prompt, vacancyId) = await app.Data.FittingProviderAsync(dps);
        var (silent, _) = await app.Data.FittingProviderAsync(dps);
        var referrals = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            referrals.Add((await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(dps.LotId))).ReadJsonAsync(HttpStatusCode.Created))
                .GetProperty("id").GetString()!);
        }
        using var promptClient = await app.Data.ClientForAsync(prompt.User);
        var offerId = (await (await promptClient.PostAsJsonAsync($"/api/referrals/{referrals[0]}/offers", new { vacancyId, weeklyPrice = 5000 }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await (await officerClient.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(HttpStatusCode.Created);
        await (await promptClient.PostAsJsonAsync($"/api/referrals/{referrals[1]}/decline", new { reason = "NoSuitableVacancy" })).ReadJsonAsync(HttpStatusCode.OK);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var first = await db.Referrals.SingleAsync(r => r.Id == Guid.Parse(referrals[0]));
        var offer = await db.Offers.SingleAsync(o => o.Id == Guid.Parse(offerId));
        // An offer's creation time is set once; the test rewrites the stored one to make the provider answer three hours in.
        db.Entry(offer).Property(o => o.CreatedAt).CurrentValue = first.PublishedAt!.Value.AddHours(3);
        var second = await db.ReferralRecipients.SingleAsync(r => r.ReferralId == Guid.Parse(referrals[1]) && r.ProviderId == prompt.Id);
        second.DeclinedAt = second.NotifiedAt.AddHours(5);
        await db.SaveChangesAsync();
        return new Market(dps, prompt, silent);
    }

    [Fact]
    public async Task ProviderPerformance_Commissioner_SeesEveryProviderOfTheDpsWithItsFigures()
    {
        var market = await MarketAsync();
        using var session = await PageSession.SignedInAsync(app, market.Dps.Commissioner.Email, market.Dps.Commissioner.Password);

        var page = await session.OpenAsync("/provider-performance");

        Assert.Contains("2 providers", page.Text);
        // Received 2 and answered both (an offer after 3 hours, a decline after 5): 100%, median 4 hours.
        Assert.Equal([market.Prompt.Name, "2", "100%", "4", "1", "1 (100%)", "1", "0"], ProviderRow(page, market.Prompt.Id).Take(8));
        Assert.Equal([market.Silent.Name, "2", "0%", "—", "0"], ProviderRow(page, market.Silent.Id).Take(5));
        Assert.NotEmpty(page.All($"[data-label='{market.Prompt.Name}'][data-value^='100']"));
        Assert.NotEmpty(page.All("canvas[data-chart=bar][data-chart-table=most-referred]"));
    }

    [Fact]
    public async Task ProviderPerformance_FilterAndSortInTheUrl_AndTheCsv()
    {
        var market = await MarketAsync();
        using var session = await PageSession.SignedInAsync(app, market.Dps.Commissioner.Email, market.Dps.Commissioner.Password);

        var filtered = await session.OpenAsync($"/provider-performance?q={Uri.EscapeDataString(market.Silent.Name[..10].ToUpperInvariant())}");
        var sorted = await session.OpenAsync("/provider-performance?sort=response");
        var csvResponse = await session.GetAsync("/provider-performance?handler=Csv&sort=response");
        var csv = await csvResponse.Content.ReadAsStringAsync();

        Assert.Contains("1 of 2 providers", filtered.Text);
        Assert.Empty(filtered.All($"[data-provider='{market.Prompt.Id}']"));
        var order = sorted.All("[data-provider]").Select(row => row.GetAttribute("data-provider")).ToList();
        Assert.True(order.IndexOf($"{market.Silent.Id}") is >= 0 and var silentAt && silentAt < order.IndexOf($"{market.Prompt.Id}"),
            "The lowest response rate comes first");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("provider,referralsReceived,responded,responseRatePercent,medianResponseHours,", lines[0]);
        Assert.Equal($"{market.Silent.Name},2,0,0,,0,0,,0,0,0,0,0,0,", lines[1]);
        Assert.Equal($"{market.Prompt.Name},2,2,100,4,1,1,100,1,0,0,0,0,0,", lines[2]);
    }

    [Fact]
    public async Task ProviderPerformance_OneProvider_ForItsDpsCommissionerOnly()
    {
        var market = await MarketAsync();
        using var session = await PageSession.SignedInAsync(app, market.Dps.Commissioner.Email, market.Dps.Commissioner.Password);
        var stranger = await app.Data.CreateUserAsync(Role.Commissioner, (await app.Data.CreateLocalAuthorityAsync()).Id);
        using var strangerSession = await PageSession.SignedInAsync(app, stranger.Email, stranger.Password);

        var page = await session.OpenAsync($"/provider-performance/{market.Prompt.Id}");

        Assert.Equal($"{market.Prompt.Name}", page.Heading());
        Assert.Equal("2", page.TextOf("[data-measure=referralsReceived]"));
        Assert.StartsWith("100%", page.TextOf("[data-measure=responseRate]"));
        Assert.Equal("4 hours", page.TextOf("[data-measure=medianResponseHours]"));
        Assert.Equal("1 (100%)", page.TextOf("[data-measure=acceptanceRate]"));
        Assert.Equal("1, of which 0 ended", page.TextOf("[data-measure=placements]"));
        Assert.Equal(HttpStatusCode.NotFound, (await strangerSession.GetAsync($"/provider-performance/{market.Prompt.Id}")).StatusCode);
        Assert.DoesNotContain(market.Prompt.Name, await strangerSession.TextAsync("/provider-performance"));
    }

    [Fact]
    public async Task ProviderPerformance_Provider_SeesItsOwnScorecardButNotTheCommissionersPage()
    {
        var market = await MarketAsync();
        using var session = await PageSession.SignedInAsync(app, market.Prompt.User.Email, market.Prompt.User.Password);

        var page = await session.OpenAsync("/provider/performance");
        var commissioners = await session.GetAsync("/provider-performance");
        var other = await session.GetAsync($"/provider-performance/{market.Silent.Id}");

        Assert.Contains("Your performance", page.Text);
        Assert.Equal("2", page.TextOf("[data-measure=referralsReceived]"));
        Assert.StartsWith("100%", page.TextOf("[data-measure=responseRate]"));
        Assert.True(page.HasLinkTo("/provider/performance"));
        Assert.StartsWith("/error/403", commissioners.RedirectTarget());
        Assert.StartsWith("/error/403", other.RedirectTarget());
    }

    /// <summary>The cells of the provider's row in the table (its name first), as text; the provider's name links to its profile.</summary>
    private static IReadOnlyList<string> ProviderRow(PageDocument page, Guid providerId)
    {
        var row = page.All($"tr[data-provider='{providerId}']").Single();
        Assert.NotNull(row.QuerySelector("th a[href]"));
        return [.. row.Children.Where(c => c.LocalName is "th" or "td").Select(c => PageDocument.VisibleText(c))];
    }
}

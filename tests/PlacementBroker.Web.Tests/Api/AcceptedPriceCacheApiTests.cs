using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Sufficiency;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>
/// The node keeps each lot's accepted prices for ranking a short while; a placement it makes in a lot (through the API)
/// makes the next ranking read that lot's prices again, with the new price among them.
/// </summary>
public class AcceptedPriceCacheApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task APlacementMadeThroughTheApi_IsInItsLotsPrices_AtTheNextRanking()
    {
        var cache = app.Services.GetRequiredService<AcceptedPriceCache>();
        var dps = await app.Data.CreateDpsAsync();
        var reads = 0;
        async Task<List<AcceptedPrice>> Read(Guid lotId, CancellationToken ct)
        {
            reads++;
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AcceptedPriceBenchmarks>().AcceptedPricesAsync(lotId, ct);
        }
        Assert.Empty(await cache.GetAsync(dps.LotId, Read));
        Assert.Empty(await cache.GetAsync(dps.LotId, Read));
        Assert.Equal(1, reads);

        // The market's two spot placements are made in another DPS's lot: this lot's prices stay kept.
        var (other, _) = await PriceDisparityMarket.CreateAsync(app);
        Assert.Empty(await cache.GetAsync(dps.LotId, Read));
        Assert.Equal(1, reads);
        // That lot's prices are read with both placements in them, once, and then kept.
        Assert.Equal([4000m, 5000m], (await cache.GetAsync(other.LotId, Read)).Select(p => p.WeeklyPrice).Order());
        Assert.Equal(2, reads);

        // A placement in the kept lot is counted at once, not after the time set.
        var officer = await app.Data.OfficerForAsync(other);
        using var officerClient = await app.Data.ClientForAsync(officer);
        var (provider, vacancyId) = await app.Data.FittingProviderAsync(other, 4500m);
        var referralId = (await (await officerClient.PostAsJsonAsync("/api/referrals", app.Data.ReferralBody(other.LotId))).ReadJsonAsync(System.Net.HttpStatusCode.Created))
            .GetProperty("id").GetString();
        using var providerClient = await app.Data.ClientForAsync(provider.User);
        var offerId = (await (await providerClient.PostAsJsonAsync($"/api/referrals/{referralId}/offers", new { vacancyId, weeklyPrice = 4500m }))
            .ReadJsonAsync(System.Net.HttpStatusCode.Created)).GetProperty("id").GetString();
        await (await officerClient.PostAsJsonAsync($"/api/offers/{offerId}/accept", new { kind = "Spot" })).ReadJsonAsync(System.Net.HttpStatusCode.Created);

        Assert.Equal([4000m, 4500m, 5000m], (await cache.GetAsync(other.LotId, Read)).Select(p => p.WeeklyPrice).Order());
        Assert.Equal(3, reads);
    }
}

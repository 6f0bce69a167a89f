using Microsoft.Extensions.Options;
using PlacementBroker.Core.Matching;
using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Core.Tests.Sufficiency;

/// <summary>A lot's accepted prices are reused for ranking for the time set, per lot, and read afresh when it is up or the lot has a new placement.</summary>
public class AcceptedPriceCacheTests
{
    private static readonly Guid LotA = Guid.NewGuid();
    private static readonly Guid LotB = Guid.NewGuid();

    private sealed class StepClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private sealed class Reader
    {
        public List<Guid> Reads { get; } = [];

        public Task<List<AcceptedPrice>> ReadAsync(Guid lotId, CancellationToken ct)
        {
            Reads.Add(lotId);
            // Each read of a lot returns one more price than the last, so a reused answer shows.
            return Task.FromResult(Enumerable.Range(0, Reads.Count(l => l == lotId)).Select(i => new AcceptedPrice(4000m + i, EnglishRegion.London, NeedsBand.Standard)).ToList());
        }
    }

    private static AcceptedPriceCache Cache(int seconds, TimeProvider clock) =>
        new(Options.Create(new MatchingOptions { AcceptedPriceSeconds = seconds }), clock);

    [Fact]
    public async Task Prices_AreReusedPerLot_UntilTheirTimeIsUp()
    {
        var clock = new StepClock();
        var cache = Cache(60, clock);
        var reader = new Reader();

        Assert.Single(await cache.GetAsync(LotA, reader.ReadAsync));
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Single(await cache.GetAsync(LotA, reader.ReadAsync));
        // Another lot is its own entry.
        Assert.Single(await cache.GetAsync(LotB, reader.ReadAsync));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await cache.GetAsync(LotA, reader.ReadAsync)).Count);

        Assert.Equal([LotA, LotB, LotA], reader.Reads);
    }

    [Fact]
    public async Task APlacementInTheLot_MakesTheNextRankingReadItsPricesAgain_AndLeavesOtherLotsKept()
    {
        var cache = Cache(600, new StepClock());
        var reader = new Reader();
        await cache.GetAsync(LotA, reader.ReadAsync);
        await cache.GetAsync(LotB, reader.ReadAsync);

        cache.Forget(LotA);

        Assert.Equal(2, (await cache.GetAsync(LotA, reader.ReadAsync)).Count);
        Assert.Single(await cache.GetAsync(LotB, reader.ReadAsync));
        Assert.Equal([LotA, LotB, LotA], reader.Reads);
    }

    [Fact]
    public async Task APlacementCommittingWhileThePricesAreRead_IsNotLeftOutOfTheNextRanking()
    {
        var cache = Cache(600, new StepClock());
        var reads = 0;
        Task<List<AcceptedPrice>> ReadWhileAPlacementCommits(Guid lotId, CancellationToken ct)
        {
            reads++;
            if (reads == 1)
            {
                // The placement commits after this read began: what it read may lack the new price.
                cache.Forget(lotId);
            }
            return Task.FromResult(Enumerable.Range(0, reads).Select(i => new AcceptedPrice(4000m + i, null, NeedsBand.Standard)).ToList());
        }

        Assert.Single(await cache.GetAsync(LotA, ReadWhileAPlacementCommits));
        Assert.Equal(2, (await cache.GetAsync(LotA, ReadWhileAPlacementCommits)).Count);
        Assert.Equal(2, (await cache.GetAsync(LotA, ReadWhileAPlacementCommits)).Count);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task ZeroSeconds_ReadsEveryTime()
    {
        var cache = Cache(0, new StepClock());
        var reader = new Reader();

        await cache.GetAsync(LotA, reader.ReadAsync);
        await cache.GetAsync(LotA, reader.ReadAsync);

        Assert.Equal([LotA, LotA], reader.Reads);
    }
}

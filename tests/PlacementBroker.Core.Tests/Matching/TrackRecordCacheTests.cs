using Microsoft.Extensions.Options;
using PlacementBroker.Core.Matching;

namespace PlacementBroker.Core.Tests.Matching;

/// <summary>Providers' track records are read in one pass and reused; a provider the pass did not hold is read on its own, every time.</summary>
public class TrackRecordCacheTests
{
    private static readonly Guid Known = Guid.NewGuid();
    private static readonly Guid New = Guid.NewGuid();

    [Fact]
    public async Task Records_AreReadOnceForEveryProvider_AndAProviderNewSinceIsReadOnItsOwnEachTime()
    {
        var cache = new TrackRecordCache(Options.Create(new MatchingOptions { TrackRecordSeconds = 600 }));
        var reads = new List<IReadOnlyCollection<Guid>?>();
        Task<Dictionary<Guid, TrackRecord>> Read(IReadOnlyCollection<Guid>? ids, CancellationToken ct)
        {
            reads.Add(ids);
            return Task.FromResult(ids is null
                ? new Dictionary<Guid, TrackRecord> { [Known] = new(0.5, 0.75) }
                : ids.ToDictionary(id => id, _ => new TrackRecord(0.9, null)));
        }

        var first = await cache.GetAsync([Known], Read);
        var second = await cache.GetAsync([Known, New], Read);
        var third = await cache.GetAsync([New], Read);

        Assert.Equal(new TrackRecord(0.5, 0.75), first[Known]);
        Assert.Equal(new TrackRecord(0.5, 0.75), second[Known]);
        Assert.Equal(new TrackRecord(0.9, null), second[New]);
        Assert.Equal(new TrackRecord(0.9, null), third[New]);
        // One pass for everyone, then only the new provider, on each ranking that asks for it.
        Assert.Equal(3, reads.Count);
        Assert.Null(reads[0]);
        Assert.Equal([New], reads[1]);
        Assert.Equal([New], reads[2]);
    }

    [Fact]
    public async Task Records_AreReadAgain_OnceTheirTimeIsUp_AndNotBefore()
    {
        var clock = new StepClock();
        var cache = new TrackRecordCache(Options.Create(new MatchingOptions { TrackRecordSeconds = 300 }), clock: clock);
        var passes = 0;
        Task<Dictionary<Guid, TrackRecord>> Read(IReadOnlyCollection<Guid>? ids, CancellationToken ct)
        {
            passes += ids is null ? 1 : 0;
            return Task.FromResult(new Dictionary<Guid, TrackRecord> { [Known] = new(passes / 10.0, null) });
        }

        await cache.GetAsync([Known], Read);
        clock.Advance(TimeSpan.FromSeconds(299));
        Assert.Equal(0.1, (await cache.GetAsync([Known], Read))[Known].ResponseRate);
        Assert.Equal(1, passes);
        clock.Advance(TimeSpan.FromSeconds(1));
        // Without a scope factory the ranking that finds them due reads them itself.
        Assert.Equal(0.2, (await cache.GetAsync([Known], Read))[Known].ResponseRate);
        Assert.Equal(2, passes);
    }

    private sealed class StepClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    [Fact]
    public async Task ZeroSeconds_ReadsTheProvidersAskedForEveryTime()
    {
        var cache = new TrackRecordCache(Options.Create(new MatchingOptions { TrackRecordSeconds = 0 }));
        var reads = 0;
        Task<Dictionary<Guid, TrackRecord>> Read(IReadOnlyCollection<Guid>? ids, CancellationToken ct)
        {
            reads++;
            Assert.NotNull(ids);
            return Task.FromResult(ids.ToDictionary(id => id, _ => new TrackRecord(reads / 10.0, null)));
        }

        Assert.Equal(0.1, (await cache.GetAsync([Known], Read))[Known].ResponseRate);
        Assert.Equal(0.2, (await cache.GetAsync([Known], Read))[Known].ResponseRate);
    }

    [Fact]
    public async Task ClearedRecords_AreReadAfresh()
    {
        var cache = new TrackRecordCache(Options.Create(new MatchingOptions { TrackRecordSeconds = 600 }));
        var passes = 0;
        Task<Dictionary<Guid, TrackRecord>> Read(IReadOnlyCollection<Guid>? ids, CancellationToken ct)
        {
            passes += ids is null ? 1 : 0;
            return Task.FromResult(new Dictionary<Guid, TrackRecord> { [Known] = new(passes / 10.0, null) });
        }

        Assert.Equal(0.1, (await cache.GetAsync([Known], Read))[Known].ResponseRate);
        cache.Clear();
        Assert.Equal(0.2, (await cache.GetAsync([Known], Read))[Known].ResponseRate);
    }
}

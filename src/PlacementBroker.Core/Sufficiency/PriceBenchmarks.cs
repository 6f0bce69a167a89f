using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PlacementBroker.Core.Sufficiency;

/// <summary>A spot price accepted for a placement, with the market it belongs to.</summary>
public sealed record AcceptedPrice(decimal WeeklyPrice, EnglishRegion? Region, NeedsBand Band);

/// <summary>
/// One market of a lot's accepted prices: a needs band in a region, a band across the lot, or the whole lot (both
/// null). <see cref="UsedInMatching"/>: it has the minimum sample, so offers in it are judged by its quartiles.
/// </summary>
public sealed record PriceMarket(NeedsBand? Band, EnglishRegion? Region, Quartiles Prices, bool UsedInMatching);

/// <summary>
/// Price references from the prices actually accepted (spec 5.4 and 7). The narrowest market with at least the minimum
/// sample of accepted spot prices wins, in this order: the child's needs band in the setting's region; the needs band
/// across the lot; the setting's region across bands; the whole lot. With too few anywhere, the commissioner's
/// configured benchmark stands, with its band's upper bound in place of the upper quartile.
/// </summary>
public static class PriceBenchmarkRules
{
    public const int MinimumSample = 10;

    /// <summary>The whole lot's reference: the configured benchmark when set (the commissioner's own figure), with the quartiles' upper bound once there are enough prices.</summary>
    public static PriceBenchmark From(decimal? configured, decimal? bandUpper, IReadOnlyCollection<decimal> acceptedPrices)
    {
        if (acceptedPrices.Count >= MinimumSample)
        {
            var quartiles = Statistics.Quartiles(acceptedPrices);
            return new PriceBenchmark(configured ?? quartiles.Median, quartiles.P75, $"quartiles of {acceptedPrices.Count} accepted prices", QuartilesFromAcceptedPrices: true);
        }
        return new PriceBenchmark(configured, bandUpper ?? configured, "commissioner's benchmark");
    }

    /// <summary>The references for a referral in <paramref name="band"/>: one per region with enough data, one for everywhere else.</summary>
    public static PriceBenchmarkTable Table(decimal? configured, decimal? bandUpper, NeedsBand band, IReadOnlyCollection<AcceptedPrice> accepted)
    {
        var inBand = accepted.Where(p => p.Band == band).Select(p => p.WeeklyPrice).ToList();
        var bandWide = inBand.Count >= MinimumSample ? Scoped(inBand, Words.InSentence(band)) : null;
        var elsewhere = bandWide ?? From(configured, bandUpper, [.. accepted.Select(p => p.WeeklyPrice)]);
        var byRegion = new Dictionary<EnglishRegion, PriceBenchmark>();
        foreach (var region in accepted.Where(p => p.Region is not null).GroupBy(p => p.Region!.Value))
        {
            var regionInBand = region.Where(p => p.Band == band).Select(p => p.WeeklyPrice).ToList();
            if (regionInBand.Count >= MinimumSample)
            {
                byRegion[region.Key] = Scoped(regionInBand, $"{Words.InSentence(band)} in {InRegion(region.Key)}");
            }
            else if (bandWide is null && region.Count() >= MinimumSample)
            {
                byRegion[region.Key] = Scoped([.. region.Select(p => p.WeeklyPrice)], InRegion(region.Key));
            }
        }
        return new PriceBenchmarkTable(elsewhere, byRegion);
    }

    /// <summary>The lot's markets as a commissioner reads them: the whole lot, then each band across the lot and in each region.</summary>
    public static List<PriceMarket> Markets(IReadOnlyCollection<AcceptedPrice> accepted)
    {
        PriceMarket Market(NeedsBand? band, EnglishRegion? region, IEnumerable<AcceptedPrice> prices)
        {
            var list = prices.Select(p => p.WeeklyPrice).ToList();
            return new PriceMarket(band, region, Statistics.Quartiles(list), list.Count >= MinimumSample);
        }
        var markets = new List<PriceMarket> { Market(null, null, accepted) };
        foreach (var band in accepted.GroupBy(p => p.Band).OrderBy(g => g.Key))
        {
            markets.Add(Market(band.Key, null, band));
            markets.AddRange(band.Where(p => p.Region is not null).GroupBy(p => p.Region!.Value).OrderBy(g => g.Key).Select(g => Market(band.Key, g.Key, g)));
        }
        return markets;
    }

    private static PriceBenchmark Scoped(IReadOnlyCollection<decimal> prices, string scope)
    {
        var quartiles = Statistics.Quartiles(prices);
        return new PriceBenchmark(quartiles.Median, quartiles.P75, $"quartiles of {prices.Count} accepted prices for {scope}", QuartilesFromAcceptedPrices: true, Scope: scope);
    }

    private static string InRegion(EnglishRegion region) => region is EnglishRegion.London ? "London" : $"the {Words.Name(region)}";
}

/// <param name="cache">Where matching keeps each lot's accepted prices a short while (<see cref="AcceptedPriceCache"/>); without it they are read every time.</param>
public class AcceptedPriceBenchmarks(PlacementBrokerDbContext db, TimeProvider clock, AcceptedPriceCache? cache = null) : IPriceBenchmarks
{
    /// <summary>
    /// The references for ranking a referral's offers and matches. The lot's configured benchmark and band are read every
    /// time (a commissioner's change counts at once); its accepted prices come through <see cref="AcceptedPriceCache"/>.
    /// </summary>
    public async Task<PriceBenchmarkTable> ForReferralAsync(Guid lotId, NeedsBand band, CancellationToken ct = default)
    {
        var lot = await db.Lots.AsNoTracking().Where(l => l.Id == lotId).Select(l => new { l.BenchmarkWeeklyPrice, l.PriceBandUpper }).SingleOrDefaultAsync(ct);
        if (lot is null)
        {
            return new PriceBenchmark(null, null, "none");
        }
        var accepted = cache is null ? await AcceptedPricesAsync(lotId, ct) : await cache.GetAsync(lotId, AcceptedPricesAsync, ct);
        return PriceBenchmarkRules.Table(lot.BenchmarkWeeklyPrice, lot.PriceBandUpper, band, accepted);
    }

    /// <summary>Two years of the lot's spot placements: block prices are fixed in advance and would flatten the market's spread.</summary>
    public async Task<List<AcceptedPrice>> AcceptedPricesAsync(Guid lotId, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddYears(-2);
        return await db.Placements.AsNoTracking()
            .Where(p => p.Kind == PlacementKind.Spot && p.CreatedAt >= since)
            .Join(db.Referrals.Where(r => r.LotId == lotId), p => p.ReferralId, r => r.Id, (p, r) => new { p.WeeklyPrice, p.SettingId, r.NeedsBand })
            .Join(db.Settings, x => x.SettingId, s => s.Id, (x, s) => new AcceptedPrice(x.WeeklyPrice, s.Region, x.NeedsBand))
            .ToListAsync(ct);
    }
}

/// <summary>
/// Each lot's accepted spot prices, kept for <see cref="Matching.MatchingOptions.AcceptedPriceSeconds"/> seconds for
/// ranking. They are two years of a lot's placements, read with a join over every spot placement: on the national data
/// that read was about a sixth of the processor time of every offer (which ranks its referral's offers to tell the
/// officer where it stands) and a few milliseconds of every referral's page. One new price among the hundreds moves the
/// quartiles little, and a placement made on this node forgets its lot's prices at once (<see cref="Forget"/>), so
/// another node counts it within the time set. The commissioner's lot prices page and the sufficiency figures read
/// them fresh. One per host; zero seconds turns it off.
/// </summary>
public sealed class AcceptedPriceCache(IOptions<Matching.MatchingOptions> options, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly TimeSpan _ttl = TimeSpan.FromSeconds(Math.Max(0, options.Value.AcceptedPriceSeconds));
    private readonly ConcurrentDictionary<Guid, (IReadOnlyList<AcceptedPrice> Prices, DateTimeOffset Until)> _lots = new();

    public async Task<IReadOnlyList<AcceptedPrice>> GetAsync(Guid lotId, Func<Guid, CancellationToken, Task<List<AcceptedPrice>>> read, CancellationToken ct = default)
    {
        if (_ttl == TimeSpan.Zero)
        {
            return await read(lotId, ct);
        }
        var now = _clock.GetUtcNow();
        if (_lots.TryGetValue(lotId, out var kept) && kept.Until > now)
        {
            return kept.Prices;
        }
        var version = _versions.GetValueOrDefault(lotId);
        var prices = await read(lotId, ct);
        // A placement that committed while these were read may be missing from them: they serve this ranking, not the next.
        if (_versions.GetValueOrDefault(lotId) == version)
        {
            _lots[lotId] = (prices.AsReadOnly(), now + _ttl);
        }
        return prices;
    }

    /// <summary>The lot's prices are read afresh next time: a placement was just made in it.</summary>
    public void Forget(Guid lotId)
    {
        _versions.AddOrUpdate(lotId, 1, (_, v) => v + 1);
        _lots.TryRemove(lotId, out _);
    }

    private readonly ConcurrentDictionary<Guid, long> _versions = new();
}

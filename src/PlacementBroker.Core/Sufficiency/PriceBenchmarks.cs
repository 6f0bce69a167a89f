using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Matching;
using PlacementBroker.Core.Placements;

namespace PlacementBroker.Core.Sufficiency;

/// <summary>
/// The lot's price reference from the prices actually accepted: once there are enough spot placements (the minimum
/// sample), their quartiles; until then the commissioner's configured benchmark, with its band's upper bound standing
/// in for the upper quartile (spec 5.4 and 7).
/// </summary>
public static class PriceBenchmarkRules
{
    public const int MinimumSample = 10;

    public static PriceBenchmark From(decimal? configured, decimal? bandUpper, IReadOnlyCollection<decimal> acceptedPrices)
    {
        if (acceptedPrices.Count >= MinimumSample)
        {
            var quartiles = Statistics.Quartiles(acceptedPrices);
            return new PriceBenchmark(configured ?? quartiles.Median, quartiles.P75, $"quartiles of {acceptedPrices.Count} accepted prices", QuartilesFromAcceptedPrices: true);
        }
        return new PriceBenchmark(configured, bandUpper ?? configured, "commissioner's benchmark");
    }
}

public class AcceptedPriceBenchmarks(PlacementBrokerDbContext db, TimeProvider clock) : IPriceBenchmarks
{
    public async Task<PriceBenchmark> ForLotAsync(Guid lotId, CancellationToken ct = default)
    {
        var lot = await db.Lots.AsNoTracking().Where(l => l.Id == lotId).Select(l => new { l.BenchmarkWeeklyPrice, l.PriceBandUpper }).SingleOrDefaultAsync(ct);
        if (lot is null)
        {
            return new PriceBenchmark(null, null, "none");
        }
        // Two years of spot placements: block prices are fixed in advance and would flatten the market's spread.
        var since = clock.GetUtcNow().UtcDateTime.AddYears(-2);
        var prices = await db.Placements.AsNoTracking()
            .Where(p => p.Kind == PlacementKind.Spot && p.CreatedAt >= since && db.Referrals.Any(r => r.Id == p.ReferralId && r.LotId == lotId))
            .Select(p => p.WeeklyPrice).ToListAsync(ct);
        return PriceBenchmarkRules.From(lot.BenchmarkWeeklyPrice, lot.PriceBandUpper, prices);
    }
}

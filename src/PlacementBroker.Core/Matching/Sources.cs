using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core.Data;

namespace PlacementBroker.Core.Matching;

/// <summary>A provider's quality-assurance status as matching needs it.</summary>
public interface IQaStatusSource
{
    Task<IReadOnlyDictionary<Guid, QaStatus>> ForProvidersAsync(IReadOnlyCollection<Guid> providerIds, CancellationToken ct = default);
}

/// <summary>The price a lot's offers are judged against.</summary>
public interface IPriceBenchmarks
{
    Task<PriceBenchmark> ForLotAsync(Guid lotId, CancellationToken ct = default);
}

/// <summary>
/// The commissioner's configured benchmark, with the upper bound of its band (or the benchmark itself) standing
/// in for the upper quartile until there are enough accepted prices to form quartiles (spec 5.4).
/// </summary>
public class ConfiguredPriceBenchmarks(PlacementBrokerDbContext db) : IPriceBenchmarks
{
    public async Task<PriceBenchmark> ForLotAsync(Guid lotId, CancellationToken ct = default)
    {
        var lot = await db.Lots.AsNoTracking().Where(l => l.Id == lotId)
            .Select(l => new { l.BenchmarkWeeklyPrice, l.PriceBandUpper }).SingleOrDefaultAsync(ct);
        return lot is null
            ? new PriceBenchmark(null, null, "none")
            : new PriceBenchmark(lot.BenchmarkWeeklyPrice, lot.PriceBandUpper ?? lot.BenchmarkWeeklyPrice, "commissioner's benchmark");
    }
}

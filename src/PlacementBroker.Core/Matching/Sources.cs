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

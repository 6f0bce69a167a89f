namespace PlacementBroker.Core.Matching;

/// <summary>A provider's quality-assurance status as matching needs it.</summary>
public interface IQaStatusSource
{
    Task<IReadOnlyDictionary<Guid, QaStatus>> ForProvidersAsync(IReadOnlyCollection<Guid> providerIds, CancellationToken ct = default);
}

/// <summary>The prices a referral's offers are judged against: the lot's, narrowed to the child's needs band and each setting's region where the data allow.</summary>
public interface IPriceBenchmarks
{
    Task<PriceBenchmarkTable> ForReferralAsync(Guid lotId, NeedsBand band, CancellationToken ct = default);
}

using Microsoft.Extensions.Configuration;

namespace PlacementBroker.Core.Matching;

public static class MatchingExtensions
{
    /// <summary>Matching. It reads the QA status (<c>AddQuality</c>) and price benchmarks (<c>AddSufficiency</c>) through <see cref="IQaStatusSource"/> and <see cref="IPriceBenchmarks"/>.</summary>
    public static IServiceCollection AddMatching(this IServiceCollection services, IConfiguration configuration) => services
        .AddValidatedOptions<MatchingOptions>(configuration, MatchingOptions.Section, o => o.CandidateLimit is >= 1 and <= 100_000 && o.TrackRecordSeconds is >= 0 and <= 3600
                && o.AcceptedPriceSeconds is >= 0 and <= 3600,
            "PlacementBroker:Matching:CandidateLimit must be from 1 to 100,000, and PlacementBroker:Matching:TrackRecordSeconds and AcceptedPriceSeconds from 0 to 3,600")
        .AddSingleton<TrackRecordCache>()
        .AddSingleton<Sufficiency.AcceptedPriceCache>()
        .AddScoped<MatchService>();
}

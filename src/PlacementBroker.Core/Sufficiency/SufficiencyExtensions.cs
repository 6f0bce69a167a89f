namespace PlacementBroker.Core.Sufficiency;

public static class SufficiencyExtensions
{
    /// <summary>Sufficiency figures, provider performance and statements; matching reads the accepted-price benchmarks from here.</summary>
    public static IServiceCollection AddSufficiency(this IServiceCollection services) => services
        .AddScoped<SufficiencyService>()
        .AddScoped<ProviderPerformanceService>()
        .AddScoped<SufficiencyStatementService>()
        .AddScoped<AcceptedPriceBenchmarks>()
        .AddScoped<IPriceBenchmarks>(sp => sp.GetRequiredService<AcceptedPriceBenchmarks>());
}

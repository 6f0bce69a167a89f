namespace PlacementBroker.Core.Uplifts;

public static class UpliftsExtensions
{
    /// <summary>Fee-uplift rounds, and the variations of placement agreements and block contracts.</summary>
    public static IServiceCollection AddUplifts(this IServiceCollection services) => services
        .AddScoped<UpliftService>()
        .AddScoped<VariationService>();
}

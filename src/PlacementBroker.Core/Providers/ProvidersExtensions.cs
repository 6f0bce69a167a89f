using Microsoft.Extensions.Configuration;

namespace PlacementBroker.Core.Providers;

public static class ProvidersExtensions
{
    public static IServiceCollection AddProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSectionSingleton<GeocodingOptions>(configuration, GeocodingOptions.Section);
        return services
            .AddSingleton<IGeocoder, PostcodeDistrictGeocoder>()
            .AddScoped<SettingService>()
            .AddScoped<AddressDisclosure>()
            .AddScoped<VacancyService>()
            .AddScoped<ProviderTeamService>()
            .AddScoped<ProviderSearch>();
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PlacementBroker.Core.Providers;

public static class ProvidersExtensions
{
    public static IServiceCollection AddProviders(this IServiceCollection services, IConfiguration configuration)
    {
        var geocoding = configuration.GetSection(GeocodingOptions.Section).Get<GeocodingOptions>() ?? new GeocodingOptions();
        return services
            .AddSingleton(geocoding)
            .AddSingleton<IGeocoder, PostcodeDistrictGeocoder>()
            .AddScoped<SettingService>()
            .AddScoped<AddressDisclosure>()
            .AddScoped<VacancyService>()
            .AddScoped<ProviderTeamService>();
    }
}

namespace PlacementBroker.Core.Data;

public static class DataExtensions
{
    /// <summary>AutoMapper for read models, from every area's profile. Production needs a licence key (docs/adr/0002-automapper-licence.md).</summary>
    public static IServiceCollection AddReadModels(this IServiceCollection services, string? licenseKey) =>
        services.AddAutoMapper(cfg =>
        {
            if (!string.IsNullOrWhiteSpace(licenseKey))
            {
                cfg.LicenseKey = licenseKey;
            }
        }, typeof(DataExtensions).Assembly);
}

using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Identity;
using PlacementBroker.Core.Seeding;

namespace PlacementBroker.Core;

public static class Extensions
{
    public static IServiceCollection AddIdentityAdministration(this IServiceCollection services) => services
        .AddScoped<IdentityAdministration>()
        .AddScoped<PlatformAdminBootstrapper>();

    public static IServiceCollection AddAuditTrail(this IServiceCollection services) => services.AddScoped<AuditTrail>();

    public static IServiceCollection AddDemoData(this IServiceCollection services) => services.AddScoped<DemoDataSeeder>();
}

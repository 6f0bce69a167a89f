namespace PlacementBroker.Core.Auditing;

public static class AuditingExtensions
{
    public static IServiceCollection AddAuditTrail(this IServiceCollection services) => services.AddScoped<AuditTrail>();
}

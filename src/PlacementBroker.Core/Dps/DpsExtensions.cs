namespace PlacementBroker.Core.Dps;

public static class DpsExtensions
{
    public static IServiceCollection AddDps(this IServiceCollection services) => services
        .AddScoped<DpsService>()
        .AddScoped<AdmissionService>()
        .AddScoped<MembershipService>()
        .AddScoped<DecisionReminderJob>();
}

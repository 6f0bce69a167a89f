namespace PlacementBroker.Core.Contracts;

public static class ContractsExtensions
{
    /// <summary>Contract management: KPIs, quarterly returns, contract reviews and service improvement plans.</summary>
    public static IServiceCollection AddContracts(this IServiceCollection services) => services
        .AddScoped<ContractAccess>()
        .AddScoped<KpiMeasurement>()
        .AddScoped<KpiService>()
        .AddScoped<ContractReviewService>()
        .AddScoped<ImprovementPlanService>()
        .AddScoped<ContractOverviewService>()
        .AddScoped<ContractManagementJob>();
}

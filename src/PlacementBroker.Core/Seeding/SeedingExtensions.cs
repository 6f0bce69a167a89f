namespace PlacementBroker.Core.Seeding;

public static class SeedingExtensions
{
    public static IServiceCollection AddDemoData(this IServiceCollection services) =>
        services.AddScoped<DemoDataSeeder>().AddScoped<DemoMarketToday>().AddScoped<DemoProviderAnswers>();
}

namespace PlacementBroker.Core.Placements;

public static class PlacementsExtensions
{
    /// <summary>Accepting offers, approvals, placements, block contracts and the ledger of places they take.</summary>
    public static IServiceCollection AddPlacements(this IServiceCollection services) => services
        .AddScoped<PlaceLedger>()
        .AddScoped<PlacementService>()
        .AddScoped<BlockContractService>()
        .AddScoped<PlacementSweepJob>();
}

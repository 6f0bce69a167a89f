using Microsoft.Extensions.Configuration;
using PlacementBroker.Core.Contracts;
using PlacementBroker.Core.DataProtection;
using PlacementBroker.Core.Payments;
using PlacementBroker.Core.Seeding;
using PlacementBroker.Core.Sufficiency;
using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Core;

public static class CoreServices
{
    /// <summary>
    /// Every area's services, as the host registers them. The host adds its adapters for the ports Core owns
    /// (<see cref="Referrals.IMarketplaceNotifier"/>, <see cref="Sharing.IDocumentStore"/>), the database and the clock.
    /// </summary>
    public static IServiceCollection AddPlacementBrokerCore(this IServiceCollection services, IConfiguration configuration) => services
        .AddAuditTrail().AddIdentityAdministration().AddDemoData()
        .AddNotifications(configuration)
        .AddDps()
        .AddProviders(configuration)
        .AddMatching(configuration)
        .AddReferrals(configuration)
        .AddPlacements()
        .AddQuality()
        .AddContracts()
        .AddUplifts()
        .AddSufficiency()
        .AddBilling()
        .AddPayments(configuration)
        .AddDataProtectionServices(configuration)
        .AddScoped<Sharing.SharingService>()
        .AddReadModels(configuration["AutoMapper:LicenseKey"]);
}

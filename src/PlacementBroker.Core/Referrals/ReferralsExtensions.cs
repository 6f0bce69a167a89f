using Microsoft.Extensions.Configuration;

namespace PlacementBroker.Core.Referrals;

public static class ReferralsExtensions
{
    /// <summary>Referrals and offers. The host supplies the <see cref="IMarketplaceNotifier"/>.</summary>
    public static IServiceCollection AddReferrals(this IServiceCollection services, IConfiguration configuration) => services
        .AddValidatedOptions<ReferralOptions>(configuration, ReferralOptions.Section, o => o.EmergencyEscalationHours is > 0 and <= 72,
            "PlacementBroker:Referrals:EmergencyEscalationHours must be more than 0 and at most 72")
        .AddScoped<ReferralService>()
        .AddScoped<OfferService>()
        .AddScoped<ProviderAlerts>()
        .AddScoped<ReferralDeadlineJob>()
        .AddScoped<UnfinishedReferrals>()
        .AddScoped<UnfinishedReferralCleanupJob>();
}

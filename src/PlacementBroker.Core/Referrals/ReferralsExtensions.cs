using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Matching;

namespace PlacementBroker.Core.Referrals;

public static class ReferralsExtensions
{
    /// <summary>Referrals, offers and matching. The host supplies the <see cref="IMarketplaceNotifier"/>.</summary>
    public static IServiceCollection AddReferrals(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReferralOptions>().Bind(configuration.GetSection(ReferralOptions.Section))
            .Validate(o => o.EmergencyEscalationHours is > 0 and <= 72, "PlacementBroker:Referrals:EmergencyEscalationHours must be more than 0 and at most 72")
            .ValidateOnStart();
        services.AddOptions<MatchingOptions>().Bind(configuration.GetSection(MatchingOptions.Section))
            .Validate(o => o.CandidateLimit is >= 1 and <= 100_000, "PlacementBroker:Matching:CandidateLimit must be from 1 to 100,000")
            .ValidateOnStart();
        return services
            .AddScoped<Sufficiency.AcceptedPriceBenchmarks>()
            .AddScoped<IPriceBenchmarks>(sp => sp.GetRequiredService<Sufficiency.AcceptedPriceBenchmarks>())
            .AddScoped<MatchService>()
            .AddScoped<ReferralService>()
            .AddScoped<OfferService>()
            .AddScoped<ProviderAlerts>()
            .AddScoped<ReferralDeadlineJob>()
            .AddScoped<Placements.PlacementService>()
            .AddScoped<Placements.PlacementSweepJob>();
    }
}

using Microsoft.Extensions.Configuration;

namespace PlacementBroker.Core.DataProtection;

public static class DataProtectionExtensions
{
    /// <summary>The audit chain and its jobs, the auditor's queries, retention and subject access.</summary>
    public static IServiceCollection AddDataProtectionServices(this IServiceCollection services, IConfiguration configuration) => services
        .AddValidatedOptions<RetentionOptions>(configuration, RetentionOptions.Section, RetentionOptions.AreValid,
            "PlacementBroker:Retention: UnplacedReferralIdentityDays and DocumentDays must be 30 to 3650, EmailBodyDays 1 to 3650")
        .AddScoped<AuditChain>()
        .AddScoped<AuditChainSealJob>()
        .AddScoped<AuditChainVerifyJob>()
        .AddScoped<AuditQueryService>()
        .AddScoped<SubjectAccessService>()
        .AddScoped<RetentionPurgeJob>();
}

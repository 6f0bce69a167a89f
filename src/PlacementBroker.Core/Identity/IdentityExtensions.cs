namespace PlacementBroker.Core.Identity;

public static class IdentityExtensions
{
    public static IServiceCollection AddIdentityAdministration(this IServiceCollection services) => services
        .AddScoped<IdentityAdministration>()
        .AddScoped<AccountLinks>()
        .AddScoped<EmailConfirmationCodes>()
        .AddScoped<Providers.ProviderVerification>()
        .AddScoped<PlatformAdminBootstrapper>();
}

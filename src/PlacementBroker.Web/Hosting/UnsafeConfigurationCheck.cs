using PlacementBroker.Core.Seeding;

namespace PlacementBroker.Web.Hosting;

/// <summary>
/// Outside Development the host refuses to start with settings that anyone who has read this repository knows: the demo
/// data seed (its accounts share a published password), the demo market's simulated providers, an admin password that was ever published here or is short,
/// or a signing key or secret copied from a sample file. See docs/operations.md.
/// </summary>
public static class UnsafeConfigurationCheck
{
    public const int MinimumAdminPasswordLength = 12;

    /// <summary>Every password ever published in this repository (appsettings, the demo seed, docs, README, docker-compose.yml).</summary>
    public static readonly IReadOnlySet<string> PublishedPasswords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        DemoDataSeeder.DemoPassword,   // appsettings.Development.json, the demo data set, README and the guides
        "ChangeMe-Admin-2025!",        // the former docker-compose.yml fallback
        "PlacementBroker-Dev-2025!",   // the former docker-compose.yml SQL Server fallback
        "Str0ng-Passw0rd!",            // docs/api.md's registration example
    };

    /// <summary>Signing keys and secrets with sample values in this repository's sample files, by the setting they were shown for.</summary>
    public static readonly IReadOnlyList<(string Setting, string Value)> PublishedSecrets =
    [
        ("PlacementBroker:Jwt:SigningKey", "dev-only-placementbroker-jwt-signing-key-change-me-0123456789abcdef"), // the former docker-compose.yml fallback
        ("PlacementBroker:Admin:TotpSecret", "PBDEMOADMINTOTPSECRETFORDEVONLY2"), // the demo admin's, in appsettings.Development.json and README
    ];

    /// <summary>The settings holding signing keys and secrets: none of them may carry any published sample value.</summary>
    public static readonly IReadOnlyList<string> SecretSettings =
        ["PlacementBroker:Jwt:SigningKey", "Stripe:SecretKey", "Stripe:WebhookSecret", "PlacementBroker:OpenIdConnect:ClientSecret", "PlacementBroker:Admin:TotpSecret"];

    /// <summary>Throws, naming the setting, when the configuration is unsafe for an environment other than Development.</summary>
    public static void ThrowIfUnsafe(WebApplicationBuilder builder)
    {
        var problems = Problems(builder.Configuration, builder.Environment);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"Unsafe configuration for the {builder.Environment.EnvironmentName} environment, refused (see docs/operations.md): " + string.Join(" ", problems));
        }
    }

    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return [];
        }
        var problems = new List<string>();
        var seed = configuration["PlacementBroker:Seed"];
        if (!string.IsNullOrWhiteSpace(seed) && !string.Equals(seed.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"PlacementBroker:Seed is '{seed}': the demo data set creates accounts with a published password; set it to none.");
        }
        if (string.Equals(configuration["PlacementBroker:Demo:SimulateProviders"]?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("PlacementBroker:Demo:SimulateProviders is true: simulated providers answer referrals only in a Development demo; remove the setting.");
        }
        var password = configuration["PlacementBroker:Admin:Password"];
        if (!string.IsNullOrEmpty(password))
        {
            if (PublishedPasswords.Contains(password.Trim()))
            {
                problems.Add("PlacementBroker:Admin:Password is a password published in this product's repository; choose another.");
            }
            else if (password.Length < MinimumAdminPasswordLength)
            {
                problems.Add($"PlacementBroker:Admin:Password must be at least {MinimumAdminPasswordLength} characters.");
            }
        }
        var published = PublishedSecrets.Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var setting in SecretSettings)
        {
            if (configuration[setting] is { Length: > 0 } value && published.Contains(value.Trim()))
            {
                problems.Add($"{setting} is a sample value published in this product's repository; generate a new secret.");
            }
        }
        return problems;
    }
}

using System.ComponentModel.DataAnnotations;

namespace PlacementBroker.Web.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>The host's own configuration, under <c>PlacementBroker</c>. Validated at start-up.</summary>
public class PlacementBrokerOptions
{
    public const string Section = "PlacementBroker";

    public DatabaseOptions Database { get; set; } = new();
    public AdminOptions Admin { get; set; } = new();
    /// <summary><c>demo</c> loads the demo data set from <c>seed/</c> on an empty database.</summary>
    public string? Seed { get; set; }
    /// <summary>Where the SQLite file and generated keys live. Relative paths are under the content root.</summary>
    [Required]
    public string DataFolder { get; set; } = "App_Data";
    /// <summary>The folder with demo data and reference files (bank holidays). Defaults to <c>seed/</c> beside the app.</summary>
    public string? SeedFolder { get; set; }
    public JwtOptions Jwt { get; set; } = new();
    public SignInProtectionOptions SignInProtection { get; set; } = new();
    public JobsOptions Jobs { get; set; } = new();
    public OpenIdConnectSettings OpenIdConnect { get; set; } = new();
    public AuthSettings Auth { get; set; } = new();
    public RateLimitOptions RateLimits { get; set; } = new();
    /// <summary>The demo market (Development with the demo data only): see <see cref="DemoMarket"/>.</summary>
    public DemoOptions Demo { get; set; } = new();
    /// <summary>
    /// The address people reach the service at, e.g. <c>https://placements.example.gov.uk</c>: links in emails are built
    /// from it, never from the request's Host header. Required, and https, outside Development (see <see cref="PublicBaseUrlValidator"/>).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Data annotations on the nested sections, which the top-level validation does not reach.</summary>
    public static bool NestedSettingsAreValid(PlacementBrokerOptions options) =>
        new object[] { options.Database, options.Jwt, options.SignInProtection, options.Jobs, options.Auth, options.RateLimits, options.Demo }
            .All(section => Validator.TryValidateObject(section, new ValidationContext(section), null, validateAllProperties: true));
}

public class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite only: how much of the file is read through a memory map (<see cref="Core.Data.SqliteMemoryMap"/>); 0 turns it off.</summary>
    [Range(0, 1_048_576)]
    public int SqliteMemoryMapMegabytes { get; set; } = Core.Data.SqliteMemoryMap.DefaultMegabytes;
}

public class DemoOptions
{
    /// <summary>
    /// Whether the demo providers answer referrals by themselves (offers, declines, questions). Only ever in Development
    /// with the demo data; set to false to answer every referral by hand.
    /// </summary>
    public bool SimulateProviders { get; set; } = true;
    /// <summary>The longest a simulated provider takes to answer a referral; most answer well within it.</summary>
    [Range(5, 3600)]
    public int AnswerWithinSeconds { get; set; } = 45;
}

public class AdminOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    /// <summary>The admin's one-time-code secret (RFC 6238, base32, SHA-1, 6 digits, 30 s), so automation can sign in.</summary>
    public string? TotpSecret { get; set; }
}

public class JwtOptions
{
    public string Issuer { get; set; } = "PlacementBroker";
    public string Audience { get; set; } = "PlacementBroker";
    /// <summary>At least 32 characters. Every web node must share it. When absent, one is generated into the data folder.</summary>
    public string? SigningKey { get; set; }
    [Range(5, 24 * 60)]
    public int LifetimeMinutes { get; set; } = 60;
}

public class SignInProtectionOptions
{
    /// <summary>Failed sign-ins an account may make before it is locked.</summary>
    [Range(3, 20)]
    public int MaxFailedAttemptsPerAccount { get; set; } = 5;
    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;
    /// <summary>Failed sign-ins from one address in the window before that address must wait. Successes never count.</summary>
    [Range(10, 100_000)]
    public int MaxFailedAttemptsPerAddress { get; set; } = 100;
    [Range(1, 24 * 60)]
    public int AddressWindowMinutes { get; set; } = 15;
}

public class AuthSettings
{
    /// <summary>
    /// How long a signed-in browser session lasts at most, however active it is: the cookie's sliding lifetime
    /// (8 hours without a request) is renewed by use, this is not.
    /// </summary>
    [Range(1, 7 * 24)]
    public int AbsoluteSessionHours { get; set; } = 12;
}

public class JobsOptions
{
    /// <summary>Run a Hangfire server in this node. Turn off on nodes that should only serve requests.</summary>
    public bool RunServer { get; set; } = true;
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 2;
    /// <summary>How often an idle worker looks for new jobs in PostgreSQL storage (SQL Server keeps Hangfire's own default).</summary>
    [Range(1, 300)]
    public int PollIntervalSeconds { get; set; } = 15;
}

/// <summary>Sign-in through an organisation's identity provider (e.g. Microsoft Entra ID). Off unless Authority is set.</summary>
public class OpenIdConnectSettings
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string DisplayName { get; set; } = "your organisation's account";
    /// <summary>
    /// The tenants (<c>tid</c> claim, e.g. Microsoft Entra directory ids) whose people may link and sign in. When set, an
    /// identity without a listed <c>tid</c> is refused; when empty, any identity the authority issues is accepted.
    /// </summary>
    public List<string> AllowedTenants { get; set; } = [];
    /// <summary>Whether platform admins may sign in through the organisation's identity provider. Off unless configured.</summary>
    public bool AllowPlatformAdmins { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

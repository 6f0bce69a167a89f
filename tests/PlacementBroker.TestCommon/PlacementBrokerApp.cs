using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PlacementBroker.Core.Jobs;
using PlacementBroker.Web.Hosting;
using Xunit;

namespace PlacementBroker.TestCommon;

/// <summary>
/// The real host over a real database of its own (SQLite file or PostgreSQL database), with a fake clock and
/// jobs that run at once. Optionally on a real Kestrel port for SignalR and browser clients.
/// </summary>
public class PlacementBrokerApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@test.placementbroker.uk";
    public const string AdminPassword = "Admin-Passw0rd!";
    /// <summary>The test admin's one-time-code secret (PlacementBroker:Admin:TotpSecret): platform admins must have a second factor.</summary>
    public const string AdminTotpSecret = "KRSXG5CBMRWWS3SUN5ZHAU3FMNZGK5BR";

    /// <summary>Monday 23 November 2026, 09:00 UTC: a working day, so deadlines read naturally.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected virtual bool SeedDemoData => false;
    /// <summary>
    /// The real clock instead of <see cref="Clock"/>, for a host tried as a newcomer runs it: things that happen by
    /// themselves after some seconds (the demo market's providers) happen in real time.
    /// </summary>
    protected virtual bool RealClock => false;
    protected virtual bool RealServer => false;
    protected virtual string? Redis => null;
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();
    /// <summary>A real Hangfire server and scheduler in this host (PostgreSQL storage), instead of jobs that run when the test asks.</summary>
    protected virtual bool RealJobServer => false;
    /// <summary>
    /// The host's environment: "Testing" unless a fixture needs Development-only pages (the email outbox) or Production.
    /// The demo data set is refused outside Development, so a host that loads it runs as Development.
    /// </summary>
    protected virtual string HostEnvironment => SeedDemoData ? "Development" : "Testing";
    public const string PublicBaseUrl = "https://placementbroker.test";
    private const string RaisedLimit = "1000000";

    public FakeTimeProvider Clock { get; } = new(Start);
    public TestDatabase Database { get; private set; } = null!;
    public TestData Data => new(this);

    /// <summary>The base address of the real server (when <see cref="RealServer"/>), e.g. http://127.0.0.1:41234.</summary>
    public Uri ServerAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public ImmediateJobScheduler Jobs => (ImmediateJobScheduler)Services.GetRequiredService<IJobScheduler>();

    public virtual async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        if (RealServer)
        {
            UseKestrel(0);
        }
        StartServer();
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAppAsync();

    protected virtual async Task DisposeAppAsync()
    {
        await base.DisposeAsync();
        if (OwnsDatabase)
        {
            await Database.DisposeAsync();
        }
    }

    /// <summary>A fresh database; override to share one between several nodes of one deployment.</summary>
    protected virtual Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync(Provider);

    protected virtual bool OwnsDatabase => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(HostEnvironment);
        var settings = new Dictionary<string, string?>
        {
            ["PlacementBroker:Database:Provider"] = Provider.ToString(),
            ["ConnectionStrings:PlacementBroker"] = Database.ConnectionString,
            ["PlacementBroker:DataFolder"] = Database.Folder,
            ["PlacementBroker:Jobs:RunServer"] = RealJobServer ? "true" : "false",
            ["PlacementBroker:Jobs:PollIntervalSeconds"] = "1",
            ["PlacementBroker:Admin:Email"] = AdminEmail,
            ["PlacementBroker:Admin:Password"] = AdminPassword,
            ["PlacementBroker:Admin:TotpSecret"] = AdminTotpSecret,
            ["PlacementBroker:Jwt:SigningKey"] = "test-signing-key-that-is-long-enough-for-hs256-0123456789",
            ["PlacementBroker:Seed"] = SeedDemoData ? "demo" : "none",
            // The demo's simulated providers would answer the tests' referrals too; the tests of the demo market turn them on.
            ["PlacementBroker:Demo:SimulateProviders"] = "false",
            ["ConnectionStrings:Redis"] = Redis ?? "",
            ["PlacementBroker:PublicBaseUrl"] = PublicBaseUrl,
            // Tests create many providers, offers and tokens from one address: abuse limits raised as for a load test.
            // The tests of the limits lower them again.
            ["PlacementBroker:RateLimits:RegistrationsPerHourPerAddress"] = RaisedLimit,
            ["PlacementBroker:RateLimits:InvitationsPerHourPerAddress"] = RaisedLimit,
            ["PlacementBroker:RateLimits:OffersPerMinutePerProvider"] = RaisedLimit,
            ["PlacementBroker:RateLimits:TokensPerMinutePerAddress"] = RaisedLimit,
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (RealServer)
        {
            builder.UseUrls("http://127.0.0.1:0");
        }
        builder.ConfigureTestServices(services =>
        {
            if (!RealClock)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }
            if (!RealJobServer)
            {
                services.AddSingleton<IJobScheduler, ImmediateJobScheduler>();
            }
            // Hashing is deliberately slow; tests create hundreds of accounts.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            if (HostEnvironment == "Testing")
            {
                // Outside Development cookies are Secure; the test clients speak plain http to the in-process server.
                services.PostConfigureAll<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(o =>
                    o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest);
                services.PostConfigure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o =>
                    o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest);
                services.PostConfigure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
                    o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest);
            }
        });
    }

    /// <summary>The platform admin's last bearer token, reused by <see cref="TestData.AdminClientAsync"/>.</summary>
    internal (string Token, DateTime ExpiresAt)? AdminToken { get; set; }

    private readonly Lazy<OneTimeCodes> _adminCodes = new(() => new OneTimeCodes(AdminTotpSecret));

    /// <summary>
    /// A current one-time code of the platform admin that this host has not accepted yet. Each code works once and the
    /// test clock stands still, so after three sign-ins in one moment the clock moves on 30 seconds for the next code.
    /// </summary>
    public string NextAdminCode()
    {
        while (true)
        {
            if (_adminCodes.Value.Next(Clock.GetUtcNow()) is { } code)
            {
                return code;
            }
            Clock.Advance(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>An HTTP client that does not follow redirects, so tests see what the browser is told.</summary>
    public HttpClient CreateBrowserlessClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
}

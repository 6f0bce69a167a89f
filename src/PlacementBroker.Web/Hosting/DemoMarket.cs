using Microsoft.Extensions.Options;
using PlacementBroker.Core.Seeding;

namespace PlacementBroker.Web.Hosting;

/// <summary>Whether this host runs the demo: Development with the demo data set. Pages show the guided first run when it does.</summary>
public sealed record DemoMode(bool On, bool SimulatesProviders);

/// <summary>
/// The demo market: in Development with the demo data (<c>PlacementBroker:Seed=demo</c>), the demo providers answer
/// referrals by themselves (<see cref="DemoProviderAnswers"/>) unless <c>PlacementBroker:Demo:SimulateProviders</c> is
/// false, and placing officers' home pages show the guided first run. Never anywhere else: the simulator refuses to start.
/// </summary>
public static class DemoMarket
{
    /// <summary>Why the simulated providers may not run in this host, or null when they may.</summary>
    public static string? Refusal(IHostEnvironment environment, PlacementBrokerOptions options) =>
        !environment.IsDevelopment()
            ? $"The demo market's simulated providers run only in the Development environment, not {environment.EnvironmentName}."
            : !IsDemoSeed(options)
                ? "The demo market's simulated providers run only with the demo data (PlacementBroker:Seed=demo)."
                : null;

    public static bool IsDemoSeed(PlacementBrokerOptions options) => string.Equals(options.Seed?.Trim(), "demo", StringComparison.OrdinalIgnoreCase);

    public static WebApplicationBuilder AddDemoMarket(this WebApplicationBuilder builder, PlacementBrokerOptions options)
    {
        var on = Refusal(builder.Environment, options) is null;
        var simulate = on && options.Demo.SimulateProviders;
        builder.Services.AddSingleton(new DemoMode(on, simulate));
        if (simulate)
        {
            builder.Services.AddHostedService<DemoMarketService>();
        }
        return builder;
    }

    /// <summary>
    /// Today's referrals, offers and approval (<see cref="DemoMarketToday"/>), once per demo database: on the start that
    /// loads the demo data, or the first start after it on a database loaded before there was a demo market. Tried
    /// once: a failure is logged and marked, so a restart never makes today's referrals twice.
    /// </summary>
    public static async Task OpenOnceAsync(IServiceProvider services, string dataSetPath)
    {
        var db = services.GetRequiredService<PlacementBrokerDbContext>();
        var actions = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == DemoMarketToday.OpenedAction || e.Action == Core.Auditing.AuditActions.DemoDataLoaded)
            .Select(e => e.Action).Distinct().ToListAsync();
        if (!actions.Contains(Core.Auditing.AuditActions.DemoDataLoaded) || actions.Contains(DemoMarketToday.OpenedAction))
        {
            return;
        }
        try
        {
            var simulated = await DemoMarketToday.SimulatedProvidersAsync(db, DemoDataSeeder.Read(dataSetPath));
            await services.GetRequiredService<DemoMarketToday>().OpenAsync(simulated);
        }
        catch (Exception e) when (e is InvalidOperationException or DbUpdateException or IOException or System.Text.Json.JsonException)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoMarket))
                .LogWarning(e, "Today's demo market could not be opened; the demo data is there without it");
            db.ChangeTracker.Clear();
            services.GetRequiredService<Core.Auditing.AuditTrail>().Record(null, DemoMarketToday.OpenedAction, "DemoDataSet", Path.GetFileName(dataSetPath),
                $"not opened: {e.Message}");
            await db.SaveChangesAsync();
        }
    }
}

/// <summary>
/// Runs the simulated providers every two seconds. Refuses to start outside Development or without the demo data, so
/// configuration that reaches a real deployment by mistake cannot make offers in providers' names.
/// </summary>
public sealed class DemoMarketService(
    IServiceScopeFactory scopes, IHostEnvironment environment, IOptions<PlacementBrokerOptions> options, TimeProvider clock, ILogger<DemoMarketService> logger)
    : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);

    private readonly HashSet<(Guid Referral, Guid Provider)> _refused = [];
    private HashSet<Guid>? _simulated;
    private DateTime? _openedAt;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (DemoMarket.Refusal(environment, options.Value) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var window = TimeSpan.FromSeconds(options.Value.Demo.AnswerWithinSeconds);
        logger.LogInformation("Demo market: the demo providers answer referrals within {Seconds} seconds (PlacementBroker:Demo:SimulateProviders)", window.TotalSeconds);
        using var timer = new PeriodicTimer(Tick, clock);
        do
        {
            try
            {
                await AnswerAsync(window, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database outage or a refusal the services did not expect: the next tick tries again.
                logger.LogWarning(e, "Demo market: the simulated providers could not answer this time");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task AnswerAsync(TimeSpan window, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        _openedAt ??= await db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == DemoMarketToday.OpenedAction || e.Action == Core.Auditing.AuditActions.DemoDataLoaded)
            .MaxAsync(e => (DateTime?)e.OccurredAt, ct);
        if (_openedAt is not { } openedAt)
        {
            return; // No demo data in this database (yet).
        }
        _simulated ??= await DemoMarketToday.SimulatedProvidersAsync(db,
            DemoDataSeeder.Read(Path.Combine(DatabaseExtensions.SeedFolder(options.Value), "demo.json")), ct);
        await scope.ServiceProvider.GetRequiredService<DemoProviderAnswers>().AnswerDueAsync(_simulated, openedAt, window, _refused, ct);
    }
}

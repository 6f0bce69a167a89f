using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Matching;
using PlacementBroker.Core.Notifications;
using PlacementBroker.Core.Placements;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core.Quality;
using PlacementBroker.Core.Referrals;
using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Benchmarks;

public sealed record DatasetResult(int LocalAuthorities, int Providers, int Settings, int OpenVacancies, int Referrals, int Offers, int Placements);
public sealed record MatchingResult(double P50Ms, double P95Ms, double BaselineP95Ms);
public sealed record OfferToOfficerResult(int Connections, double P50Ms, double P95Ms);
public sealed record ReferralFanOutResult(int Providers, double P95Ms);
public sealed record SufficiencyResult(double P95Ms, double BaselineP95Ms);
public sealed record OfferThroughputResult(double PerSecond, int Errors);

/// <summary>What <c>results.json</c> holds: exactly these fields.</summary>
public sealed record HarnessResults(
    DatasetResult Dataset, MatchingResult Matching, OfferToOfficerResult OfferToOfficer, ReferralFanOutResult ReferralFanOut,
    SufficiencyResult Sufficiency, OfferThroughputResult OfferThroughput, double PeakWorkingSetMb)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

/// <summary>
/// The one-command harness: builds (or reuses) the national data set, measures matching and sufficiency through the
/// services in this process against their naive baselines, then the live market through a real host in another
/// process (<see cref="LiveMarketLoad"/>), and writes <c>results.json</c>.
/// </summary>
public static class Harness
{
    public static async Task<HarnessResults> RunAsync(HarnessOptions options, TextWriter? log = null, CancellationToken ct = default)
    {
        log ??= Console.Out;
        var total = Stopwatch.StartNew();
        Directory.CreateDirectory(options.OutputDirectory);
        var connection = options.Connection ?? (options.Database == DatabaseKind.Sqlite
            ? NationalData.EnsureSqliteConnectionString(options.Size)
            : throw new ArgumentException("--connection is required for PostgreSQL"));

        Phase(log, total, $"data set: {options.Size} on {options.Database}");
        var counts = NationalData.EnsureGenerated(options.Database, connection, options.Size, log);
        var dataset = new DatasetResult(counts.LocalAuthorities, counts.Providers, counts.Settings, counts.OpenVacancies, counts.Referrals, counts.Offers, counts.Placements);

        Phase(log, total, $"matching: {options.MatchingReferrals} referrals, services and naive baseline");
        var matching = await MeasureMatchingAsync(options, connection, log, ct);
        log.WriteLine($"// matching p50 {matching.P50Ms:F1} ms, p95 {matching.P95Ms:F1} ms, baseline p95 {matching.BaselineP95Ms:F1} ms");

        Phase(log, total, $"sufficiency: whole national DPS, {options.SufficiencyRuns} runs, service and naive baseline");
        var sufficiency = await MeasureSufficiencyAsync(options, connection, log, ct);
        log.WriteLine($"// sufficiency p95 {sufficiency.P95Ms:F1} ms, baseline p95 {sufficiency.BaselineP95Ms:F1} ms");

        Phase(log, total, "live market: a real host in another process");
        var live = await LiveMarketLoad.RunAsync(options, connection, log, ct);

        var results = new HarnessResults(dataset, matching, live.OfferToOfficer, live.ReferralFanOut, sufficiency, live.OfferThroughput, live.PeakWorkingSetMb);
        var path = Path.Combine(options.OutputDirectory, "results.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(results, HarnessResults.Json), ct);
        Phase(log, total, $"done: {Path.GetFullPath(path)}");
        log.WriteLine(Summary(options, results));
        return results;
    }

    private static void Phase(TextWriter log, Stopwatch total, string what) =>
        log.WriteLine($"// [{total.Elapsed:mm\\:ss}] {what}");

    public static string Summary(HarnessOptions options, HarnessResults r)
    {
        var d = r.Dataset;
        var rows = new (string Measure, string Value)[]
        {
            ("data set", $"{options.Size} on {options.Database}: {d.LocalAuthorities} authorities, {d.Providers} providers, {d.Settings} settings, {d.OpenVacancies} open vacancies, {d.Referrals} referrals, {d.Offers} offers, {d.Placements} placements"),
            ("matching p50 / p95", $"{r.Matching.P50Ms:F1} / {r.Matching.P95Ms:F1} ms (naive baseline p95 {r.Matching.BaselineP95Ms:F1} ms, {r.Matching.BaselineP95Ms / Math.Max(r.Matching.P95Ms, 0.001):F1}x)"),
            ("offer -> officer p50 / p95", $"{r.OfferToOfficer.P50Ms:F1} / {r.OfferToOfficer.P95Ms:F1} ms with {r.OfferToOfficer.Connections} connections"),
            ("referral -> providers p95", $"{r.ReferralFanOut.P95Ms:F1} ms to each of {r.ReferralFanOut.Providers} providers"),
            ("sufficiency p95 (whole DPS)", $"{r.Sufficiency.P95Ms:F1} ms (naive baseline p95 {r.Sufficiency.BaselineP95Ms:F1} ms)"),
            ("offers accepted", $"{r.OfferThroughput.PerSecond:F1} a second, {r.OfferThroughput.Errors} errors"),
            ("host peak working set", $"{r.PeakWorkingSetMb:F0} MB"),
        };
        var width = rows.Max(x => x.Measure.Length);
        var lines = rows.Select(x => $"| {x.Measure.PadRight(width)} | {x.Value}");
        return string.Join(Environment.NewLine, lines.Prepend($"| {"measure".PadRight(width)} | result").Prepend(""));
    }

    /// <summary>The services as the API builds them: the application's own registrations over a scoped context.</summary>
    internal static ServiceProvider Services(DatabaseKind kind, string connection, TimeProvider clock, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddDbContext<PlacementBrokerDbContext>(o =>
        {
            if (kind == DatabaseKind.PostgreSql)
            {
                o.UseNpgsql(connection);
            }
            else
            {
                // Pooled, as the application's own connection string is (the data set's has pooling off, so that its file can
                // be replaced): an unpooled open costs SQLite's open and its schema read, about 0.8 ms a query here.
                // And read through a memory map, as the application's are by default.
                o.UseSqlite(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection) { Pooling = true }.ToString())
                    .AddInterceptors(new SqliteMemoryMap(SqliteMemoryMap.DefaultMegabytes));
            }
            o.AddInterceptors(interceptors);
        });
        services.AddSingleton(clock);
        services.AddAuditTrail().AddNotifications(configuration).AddProviders(configuration).AddMatching(configuration)
            .AddReferrals(configuration).AddPlacements().AddQuality().AddSufficiency()
            .AddSingleton<IMarketplaceNotifier, NoLiveNotices>()
            .AddSingleton<PlacementBroker.Core.Sharing.IDocumentStore, NoDocuments>();
        return services.BuildServiceProvider();
    }

    private static async Task<MatchingResult> MeasureMatchingAsync(HarnessOptions options, string connection, TextWriter log, CancellationToken ct)
    {
        var clock = new FixedClock(NationalData.Now);
        await using var services = Services(options.Database, connection, clock);
        var sample = await SampleReferralsAsync(options, services, ct);
        log.WriteLine($"// {sample.Count} referrals drawn, {sample.Count(s => s.Open)} of them open");

        async Task<double> Service(Sampled s)
        {
            await using var scope = services.CreateAsyncScope();
            var offers = scope.ServiceProvider.GetRequiredService<OfferService>();
            var actor = new Actor(s.CreatedBy, "officer@example.org", Role.PlacingOfficer, s.LocalAuthorityId, null);
            var watch = Stopwatch.StartNew();
            var ranked = await offers.RankedOffersAsync(actor, s.Id, ct) ?? throw new InvalidOperationException($"Referral {s.Id} was not found");
            var potential = await offers.PotentialMatchesAsync(actor, s.Id, ct) ?? throw new InvalidOperationException($"Referral {s.Id} was not found");
            watch.Stop();
            GC.KeepAlive((ranked, potential));
            return watch.Elapsed.TotalMilliseconds;
        }
        async Task<double> Baseline(Sampled s)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            var watch = Stopwatch.StartNew();
            var (ranked, potential) = await Baselines.MatchAsync(db, s.Id, clock, ct);
            watch.Stop();
            GC.KeepAlive((ranked, potential));
            return watch.Elapsed.TotalMilliseconds;
        }

        // Warm-up: the first queries compile and the caches fill.
        var warm = Stopwatch.StartNew();
        foreach (var s in sample.Take(options.MatchingWarmUp))
        {
            await Service(s);
            await Baseline(s);
        }
        log.WriteLine($"// warm-up: {Math.Min(options.MatchingWarmUp, sample.Count)} referrals in {warm.Elapsed.TotalSeconds:F1} s");
        var service = new List<double>();
        var baseline = new List<double>();
        var phase = Stopwatch.StartNew();
        foreach (var s in sample)
        {
            service.Add(await Service(s));
            baseline.Add(await Baseline(s));
            if (service.Count % 25 == 0)
            {
                log.WriteLine($"// ... {service.Count} referrals in {phase.Elapsed.TotalSeconds:F0} s (service p95 so far {Stats.Percentile(service, 95):F1} ms, baseline {Stats.Percentile(baseline, 95):F1} ms)");
            }
            if (phase.Elapsed > options.MatchingBudget)
            {
                // The run must end in its time: fewer referrals, said so, rather than no result.
                log.WriteLine($"// matching stopped after {service.Count} of {sample.Count} referrals: the phase's budget of {options.MatchingBudget.TotalMinutes:0.#} min was spent");
                break;
            }
        }
        return new MatchingResult(Stats.Percentile(service, 50), Stats.Percentile(service, 95), Stats.Percentile(baseline, 95));
    }

    internal sealed record Sampled(Guid Id, Guid LocalAuthorityId, Guid CreatedBy, bool Open);

    /// <summary>Open referrals with offers, evenly spread over the data set in id order (topped up with other referrals with offers when there are too few).</summary>
    internal static async Task<List<Sampled>> SampleReferralsAsync(HarnessOptions options, IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
        var withOffers = await db.Referrals.AsNoTracking().Where(r => db.Offers.Any(o => o.ReferralId == r.Id))
            .OrderBy(r => r.Id).Select(r => new Sampled(r.Id, r.LocalAuthorityId, r.CreatedByUserId, r.Status == ReferralStatus.Open)).ToListAsync(ct);
        var open = withOffers.Where(s => s.Open).ToList();
        var pool = open.Count >= options.MatchingReferrals ? open : [.. open, .. withOffers.Where(s => !s.Open)];
        var step = Math.Max(1.0, pool.Count / (double)options.MatchingReferrals);
        var sample = new List<Sampled>();
        for (var i = 0.0; i < pool.Count && sample.Count < options.MatchingReferrals; i += step)
        {
            sample.Add(pool[(int)i]);
        }
        return sample.Count > 0 ? sample : throw new InvalidOperationException("The data set has no referral with offers.");
    }

    private static async Task<SufficiencyResult> MeasureSufficiencyAsync(HarnessOptions options, string connection, TextWriter log, CancellationToken ct)
    {
        var clock = new FixedClock(NationalData.Now);
        await using var services = Services(options.Database, connection, clock);
        Guid lead;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            // The national DPS: the one with the most participating authorities.
            lead = (await db.DynamicPurchasingSystems.AsNoTracking()
                .Select(d => new { d.LeadLocalAuthorityId, d.Name, Participants = db.DpsParticipants.Count(p => p.DpsId == d.Id) })
                .ToListAsync(ct)).OrderByDescending(d => d.Participants).ThenBy(d => d.Name).First().LeadLocalAuthorityId;
        }
        var actor = new Actor(Guid.Empty, "lead@example.org", Role.Commissioner, lead, null);
        var today = DateOnly.FromDateTime(NationalData.Now.UtcDateTime);
        var query = new SufficiencyQuery(today.AddYears(-1).AddDays(1), today, null, SufficiencyScope.Dps);

        async Task<double> Service()
        {
            await using var scope = services.CreateAsyncScope();
            var sufficiency = scope.ServiceProvider.GetRequiredService<SufficiencyService>();
            var watch = Stopwatch.StartNew();
            var outcome = await sufficiency.ReportAsync(actor, query, ct);
            watch.Stop();
            _ = outcome.Value ?? throw new InvalidOperationException($"The sufficiency report failed: {outcome}");
            return watch.Elapsed.TotalMilliseconds;
        }
        async Task<double> Baseline()
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>();
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(await Baselines.SufficiencyAsync(db, lead, query.From, query.To, ct));
            watch.Stop();
            return watch.Elapsed.TotalMilliseconds;
        }

        var warm = Stopwatch.StartNew();
        await Service();
        await Baseline();
        log.WriteLine($"// warm-up: one report and its baseline in {warm.Elapsed.TotalSeconds:F1} s");
        var service = new List<double>();
        var baseline = new List<double>();
        var phase = Stopwatch.StartNew();
        for (var i = 0; i < options.SufficiencyRuns; i++)
        {
            service.Add(await Service());
            baseline.Add(await Baseline());
            if (phase.Elapsed > options.SufficiencyBudget && i + 1 < options.SufficiencyRuns)
            {
                log.WriteLine($"// sufficiency stopped after {service.Count} of {options.SufficiencyRuns} runs: the phase's budget of {options.SufficiencyBudget.TotalMinutes:0.#} min was spent");
                break;
            }
        }
        return new SufficiencyResult(Stats.Percentile(service, 95), Stats.Percentile(baseline, 95));
    }

    private sealed class NoLiveNotices : IMarketplaceNotifier
    {
        public Task ReferralReceivedAsync(IReadOnlyCollection<Guid> providerIds, ReferralReceivedEvent payload) => Task.CompletedTask;
        public Task ReferralClosedAsync(IReadOnlyCollection<Guid> providerIds, ReferralClosedEvent payload) => Task.CompletedTask;
        public Task OfferReceivedAsync(Guid creatorUserId, OfferReceivedEvent payload) => Task.CompletedTask;
        public Task OfferUpdatedAsync(Guid creatorUserId, OfferUpdatedEvent payload) => Task.CompletedTask;
        public Task PlacementConfirmedAsync(Guid providerId, PlacementConfirmedEvent payload) => Task.CompletedTask;
        public Task ApprovalRequestedAsync(IReadOnlyCollection<Guid> managerUserIds, ApprovalRequestedEvent payload) => Task.CompletedTask;
        public Task QuestionAskedAsync(Guid creatorUserId, PlacementBroker.Core.Sharing.QuestionAskedEvent payload) => Task.CompletedTask;
        public Task QuestionAnsweredAsync(IReadOnlyCollection<Guid> providerIds, PlacementBroker.Core.Sharing.QuestionAnsweredEvent payload) => Task.CompletedTask;
    }

    /// <summary>The benchmarks attach no documents: a referral sent again has none to copy.</summary>
    private sealed class NoDocuments : PlacementBroker.Core.Sharing.IDocumentStore
    {
        public Task SaveAsync(string key, byte[] content, CancellationToken ct = default) => throw new NotSupportedException("The benchmarks store no documents.");
        public Task<byte[]?> ReadAsync(string key, CancellationToken ct = default) => Task.FromResult<byte[]?>(null);
        public Task DeleteAsync(string key, CancellationToken ct = default) => Task.CompletedTask;
    }

    internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public static class Stats
{
    /// <summary>The nearest-rank percentile (p in 0..100) of the values.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            throw new InvalidOperationException("Nothing was measured.");
        }
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 2);
    }
}

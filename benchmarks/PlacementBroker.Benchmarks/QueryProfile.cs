using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Referrals;

namespace PlacementBroker.Benchmarks;

/// <summary>
/// Where matching's time goes: <c>profile-matching [--size Quick] [--database …] [--connection …] [--referrals N]</c> runs
/// the harness's matching measure (ranked offers, then potential matches, for referrals drawn the same way) with every
/// SQL command timed, from the start of its execution to the end of reading its rows, and prints the commands by total
/// time, with the time spent outside SQL (EF Core materialisation and the engine).
/// </summary>
public static partial class QueryProfile
{
    public static async Task RunAsync(DatabaseKind kind, string connection, DataSize size, int referrals, TextWriter log, CancellationToken ct)
    {
        NationalData.EnsureGenerated(kind, connection, size, log);
        var timer = new CommandTimer();
        var clock = new Harness.FixedClock(NationalData.Now);
        await using var services = Harness.Services(kind, connection, clock, timer);
        var sample = await Harness.SampleReferralsAsync(HarnessOptions.For(size) with { MatchingReferrals = referrals }, services, ct);
        var ranked = new List<double>();
        var potential = new List<double>();
        var sqlPerCall = new List<(double Ranked, double Potential)>();
        async Task One(Harness.Sampled s, bool count)
        {
            await using var scope = services.CreateAsyncScope();
            var offers = scope.ServiceProvider.GetRequiredService<OfferService>();
            var actor = new Actor(s.CreatedBy, "officer@example.org", Role.PlacingOfficer, s.LocalAuthorityId, null);
            if (Environment.GetEnvironmentVariable("PROFILE_OPEN") == "1")
            {
                await scope.ServiceProvider.GetRequiredService<PlacementBroker.Core.Data.PlacementBrokerDbContext>().Database.OpenConnectionAsync(ct);
            }
            timer.Recording = count;
            var before = timer.TotalMs;
            var watch = Stopwatch.StartNew();
            _ = await offers.RankedOffersAsync(actor, s.Id, ct);
            var first = watch.Elapsed.TotalMilliseconds;
            var sqlFirst = timer.TotalMs - before;
            _ = await offers.PotentialMatchesAsync(actor, s.Id, ct);
            var second = watch.Elapsed.TotalMilliseconds - first;
            if (count)
            {
                ranked.Add(first);
                potential.Add(second);
                sqlPerCall.Add((sqlFirst, timer.TotalMs - before - sqlFirst));
            }
        }
        foreach (var s in sample.Take(5))
        {
            await One(s, count: false);
        }
        foreach (var s in sample)
        {
            await One(s, count: true);
        }
        var n = ranked.Count;
        log.WriteLine($"// {n} referrals on {kind} ({size})");
        log.WriteLine($"// ranked offers:    p50 {Stats.Percentile(ranked, 50):F1} ms, p95 {Stats.Percentile(ranked, 95):F1} ms, mean {ranked.Average():F1} ms, of it SQL mean {sqlPerCall.Average(x => x.Ranked):F1} ms");
        log.WriteLine($"// potential matches: p50 {Stats.Percentile(potential, 50):F1} ms, p95 {Stats.Percentile(potential, 95):F1} ms, mean {potential.Average():F1} ms, of it SQL mean {sqlPerCall.Average(x => x.Potential):F1} ms");
        var both = ranked.Zip(potential, (a, b) => a + b).ToList();
        log.WriteLine($"// both:              p50 {Stats.Percentile(both, 50):F1} ms, p95 {Stats.Percentile(both, 95):F1} ms");
        log.WriteLine($"// commands per referral: {timer.Commands.Values.Sum(c => c.Count) / (double)n:F1}");
        log.WriteLine("// per referral | count | mean ms | max ms | command");
        foreach (var (sql, c) in timer.Commands.OrderByDescending(c => c.Value.TotalMs).Take(30))
        {
            log.WriteLine($"{c.TotalMs / n,8:F2} ms | {c.Count / (double)n,5:F1} | {c.TotalMs / c.Count,7:F2} | {c.MaxMs,7:F1} | {Shorten(sql)}");
        }
    }

    private static string Shorten(string sql)
    {
        var flat = Spaces().Replace(sql, " ").Trim();
        var most = Environment.GetEnvironmentVariable("PROFILE_SQL_CHARS") is { } chars ? int.Parse(chars) : 400;
        return flat.Length <= most ? flat : flat[..most] + "…";
    }

    [GeneratedRegex(@"(@[A-Za-z_]+?)\d+(?:, @[A-Za-z_]+?\d+)+")]
    private static partial Regex ParameterList();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private sealed class Tally
    {
        public int Count;
        public double TotalMs;
        public double MaxMs;
    }

    /// <summary>Times each command from its execution to the end of its rows (non-queries to their end).</summary>
    private sealed class CommandTimer : DbCommandInterceptor
    {
        private readonly ConcurrentDictionary<DbCommand, long> _started = new();
        public ConcurrentDictionary<string, Tally> Commands { get; } = new();
        public bool Recording { get; set; }
        public double TotalMs { get; private set; }

        private void Start(DbCommand command) => _started[command] = Stopwatch.GetTimestamp();

        private void Stop(DbCommand command)
        {
            if (!_started.TryRemove(command, out var started) || !Recording)
            {
                return;
            }
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            TotalMs += ms;
            // One line per shape: a list of n parameters (@ids1, @ids2, …) counts as one, whatever n.
            var t = Commands.GetOrAdd(ParameterList().Replace(command.CommandText, "$1…"), _ => new Tally());
            t.Count++;
            t.TotalMs += ms;
            t.MaxMs = Math.Max(t.MaxMs, ms);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Start(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Start(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Start(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Stop(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            Stop(command);
            return result;
        }

        public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            Stop(command);
            return ValueTask.FromResult(result);
        }
    }
}

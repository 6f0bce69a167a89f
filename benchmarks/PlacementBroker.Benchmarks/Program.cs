using System.Diagnostics;
using BenchmarkDotNet.Running;

namespace PlacementBroker.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>--quick --out DIR</c> (or <c>--size Tiny|Quick|Full</c>, <c>--database PostgreSql --connection CS</c>, <c>--redis HOST:PORT</c>)
    /// runs the harness and writes DIR/results.json; <c>generate [--size Tiny|Quick|Full] [--database Sqlite|PostgreSql] [--connection CS]</c>
    /// builds (or reuses) a data set and prints its counts; anything else goes to BenchmarkDotNet.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.FirstOrDefault() == "generate")
        {
            string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            var size = Enum.Parse<DataSize>(Option("--size") ?? nameof(DataSize.Full), ignoreCase: true);
            var kind = Enum.Parse<DatabaseKind>(Option("--database") ?? nameof(DatabaseKind.Sqlite), ignoreCase: true);
            var watch = Stopwatch.StartNew();
            var counts = kind == DatabaseKind.Sqlite && Option("--connection") is null
                ? NationalData.EnsureGenerated(kind, NationalData.EnsureSqliteConnectionString(size), size)
                : NationalData.EnsureGenerated(kind, Option("--connection") ?? throw new ArgumentException("--connection is required for PostgreSQL"), size);
            Console.WriteLine($"{counts} in {watch.Elapsed.TotalSeconds:F1} s");
            return 0;
        }
        if (args.FirstOrDefault() == "profile-matching")
        {
            string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            var size = Enum.Parse<DataSize>(Option("--size") ?? nameof(DataSize.Quick), ignoreCase: true);
            var kind = Enum.Parse<DatabaseKind>(Option("--database") ?? nameof(DatabaseKind.Sqlite), ignoreCase: true);
            var connection = Option("--connection") ?? (kind == DatabaseKind.Sqlite
                ? NationalData.EnsureSqliteConnectionString(size) : throw new ArgumentException("--connection is required for PostgreSQL"));
            await QueryProfile.RunAsync(kind, connection, size, int.Parse(Option("--referrals") ?? "100"), Console.Out, CancellationToken.None);
            return 0;
        }
        if (HarnessOptions.Parse(args) is { } options)
        {
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            await Harness.RunAsync(options, Console.Out, cancel.Token);
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}

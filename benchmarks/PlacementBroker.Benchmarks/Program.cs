using System.Diagnostics;
using BenchmarkDotNet.Running;

namespace PlacementBroker.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>generate [--size Tiny|Quick|Full] [--database Sqlite|PostgreSql] [--connection CS]</c> builds (or reuses) a data set
    /// and prints its counts; anything else goes to BenchmarkDotNet.
    /// </summary>
    public static void Main(string[] args)
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
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}

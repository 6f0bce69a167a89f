using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PlacementBroker.Core.Data;

namespace PlacementBroker.Benchmarks;

public enum DatabaseKind
{
    Sqlite,
    PostgreSql,
}

/// <summary>How much data: Tiny for tests (seconds), Quick for a quick harness run, Full for England.</summary>
public enum DataSize
{
    Tiny,
    Quick,
    Full,
}

/// <summary>The declared row counts of a data set, as the harness reports them.</summary>
public sealed record DataSetCounts(int LocalAuthorities, int Providers, int Settings, int OpenVacancies, int Referrals, int Offers, int Placements);

/// <summary>
/// A deterministic, national-scale data set, the same on SQLite and PostgreSQL: schema through each provider's
/// migrations, rows from one generator (<see cref="NationalDataGenerator"/>) through a thin per-database writer. Built
/// once, then reused while its row counts and migrations match.
/// </summary>
public static class NationalData
{
    /// <summary>The instant the data is generated against; the benchmarks use the same clock.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The maximum distances the referrals use, one of each in turn (and one referral in ten needs a placement out of area).</summary>
    public static IReadOnlyList<double> Distances => NationalDataGenerator.Distances;

    public static DataSetCounts CountsFor(DataSize size) => NationalDataGenerator.Shape.For(size).Counts;

    /// <summary>The SQLite file a size is kept in, under benchmarks/.data of the checkout.</summary>
    public static string SqlitePath(DataSize size)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PlacementBroker.sln")))
        {
            dir = dir.Parent;
        }
        var root = dir?.FullName ?? Directory.GetCurrentDirectory();
        var name = size switch { DataSize.Full => "national.db", _ => $"national-{size.ToString().ToLowerInvariant()}.db" };
        return Path.Combine(root, "benchmarks", ".data", name);
    }

    public static string SqliteConnectionString(string path) => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    public static PlacementBrokerDbContext CreateContext(DatabaseKind kind, string connectionString)
    {
        var options = new DbContextOptionsBuilder<PlacementBrokerDbContext>();
        if (kind == DatabaseKind.PostgreSql)
        {
            options.UseNpgsql(connectionString, o => o.MigrationsAssembly("PlacementBroker.Migrations.PostgreSql"));
        }
        else
        {
            options.UseSqlite(connectionString, o => o.MigrationsAssembly("PlacementBroker.Migrations.Sqlite"));
        }
        return new PlacementBrokerDbContext(options.Options);
    }

    /// <summary>
    /// Makes sure the database holds the data set of <paramref name="size"/>: reused when its counts and migrations
    /// match, otherwise emptied (SQLite: the file deleted; PostgreSQL: the schema dropped), migrated and generated.
    /// </summary>
    public static DataSetCounts EnsureGenerated(DatabaseKind kind, string connectionString, DataSize size, TextWriter? log = null)
    {
        log ??= Console.Out;
        var shape = NationalDataGenerator.Shape.For(size);
        if (IsGenerated(kind, connectionString, shape))
        {
            log.WriteLine($"// Reusing the {size} data set on {kind}");
            return shape.Counts;
        }
        var watch = Stopwatch.StartNew();
        Empty(kind, connectionString);
        using (var db = CreateContext(kind, connectionString))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            db.Database.Migrate();
        }
        using (IDataTarget target = kind == DatabaseKind.PostgreSql ? new PostgresTarget(connectionString) : new SqliteTarget(connectionString))
        {
            new NationalDataGenerator(shape, log).Write(target);
        }
        log.WriteLine($"// Generated the {size} data set on {kind} in {watch.Elapsed.TotalSeconds:F0} s");
        return shape.Counts;
    }

    /// <summary>The data set of a size in its file under benchmarks/.data (national.db for Full), as the BenchmarkDotNet benchmarks use.</summary>
    public static string EnsureSqlite(DataSize size)
    {
        var connectionString = EnsureSqliteConnectionString(size);
        EnsureGenerated(DatabaseKind.Sqlite, connectionString, size);
        return connectionString;
    }

    /// <summary>The connection string of a size's file under benchmarks/.data, its folder created.</summary>
    public static string EnsureSqliteConnectionString(DataSize size)
    {
        var path = SqlitePath(size);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return SqliteConnectionString(path);
    }

    private static void Empty(DatabaseKind kind, string connectionString)
    {
        if (kind == DatabaseKind.PostgreSql)
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var drop = new NpgsqlCommand("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;", connection);
            drop.ExecuteNonQuery();
            NpgsqlConnection.ClearPool(connection);
            return;
        }
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }

    private static bool IsGenerated(DatabaseKind kind, string connectionString, NationalDataGenerator.Shape shape)
    {
        if (kind == DatabaseKind.Sqlite && !File.Exists(new SqliteConnectionStringBuilder(connectionString).DataSource))
        {
            return false;
        }
        try
        {
            using var db = CreateContext(kind, connectionString);
            // A database generated before the latest migrations lacks their columns: it is generated again.
            if (db.Database.GetPendingMigrations().Any())
            {
                return false;
            }
            var counts = shape.Counts;
            return db.LocalAuthorities.Count() == counts.LocalAuthorities && db.Providers.Count() == counts.Providers
                && db.Settings.Count() == counts.Settings && db.Referrals.Count() == counts.Referrals
                && db.Offers.Count() == counts.Offers && db.Placements.Count() == counts.Placements
                && db.Vacancies.Count(v => v.Status == Core.Providers.VacancyStatus.Open) == counts.OpenVacancies
                // What older generators lacked.
                && db.ReferralRecipients.Any() && db.SettingInspections.Any() && db.BillingRuns.Any() && db.QaFlags.Any();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            return false;
        }
    }
}

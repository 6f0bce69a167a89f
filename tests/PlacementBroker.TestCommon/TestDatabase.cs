using Npgsql;
using PlacementBroker.Web.Hosting;

namespace PlacementBroker.TestCommon;

/// <summary>A database of its own for one test host: a fresh SQLite file or a fresh PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseProvider provider, string connectionString, string folder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _postgresName = postgresName;
    }

    private readonly string? _postgresName;

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    /// <summary>A scratch folder for the host's data (keys, SQLite file).</summary>
    public string Folder { get; }

    /// <summary>An existing PostgreSQL database that its owner drops (e.g. on a test's own <see cref="ThrowawayPostgres"/>).</summary>
    public static TestDatabase ExistingPostgres(string connectionString) =>
        new(DatabaseProvider.PostgreSql, connectionString, NewFolder(), null);

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "placementbroker-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var folder = NewFolder();
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "test.db")}", folder, null);
        }
        if (provider != DatabaseProvider.PostgreSql)
        {
            throw new NotSupportedException($"No {provider} server runs in the test environment.");
        }
        var name = "pb_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(TestEnvironment.PostgresServer))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, folder, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(TestEnvironment.PostgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finished host is harmless in the temp folder.
        }
    }
}

using Microsoft.Data.SqlClient;
using Npgsql;
using PlacementBroker.Web.Hosting;

namespace PlacementBroker.TestCommon;

/// <summary>
/// A database of its own for one test host: a fresh SQLite file, a fresh PostgreSQL database, or (when
/// scripts/test-sqlserver.sh runs the API and race tests on SQL Server) a fresh SQL Server database.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseProvider provider, string connectionString, string folder, string? serverName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _serverName = serverName;
    }

    /// <summary>The database this made on a server, dropped when done.</summary>
    private readonly string? _serverName;

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
        var name = "pb_" + Guid.NewGuid().ToString("N");
        if (provider == DatabaseProvider.SqlServer)
        {
            await using (var server = new SqlConnection(TestEnvironment.SqlServer))
            {
                await server.OpenAsync();
#pragma warning disable DAP241 // A database's name cannot be a parameter; this one is made here from a GUID.
                await using var command = new SqlCommand($"CREATE DATABASE [{name}]", server);
#pragma warning restore DAP241
                await command.ExecuteNonQueryAsync();
            }
            var sqlServer = new SqlConnectionStringBuilder(TestEnvironment.SqlServer) { InitialCatalog = name };
            return new TestDatabase(provider, sqlServer.ConnectionString, folder, name);
        }
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
        if (_serverName is not null && Provider == DatabaseProvider.SqlServer)
        {
            SqlConnection.ClearAllPools();
            await using var connection = new SqlConnection(TestEnvironment.SqlServer);
            await connection.OpenAsync();
            // Single-user at once ends the host's last connections, as PostgreSQL's FORCE does.
#pragma warning disable DAP241 // A database's name cannot be a parameter; this one was made from a GUID.
            await using var command = new SqlCommand(
                $"IF DB_ID(N'{_serverName}') IS NOT NULL BEGIN ALTER DATABASE [{_serverName}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_serverName}]; END", connection);
#pragma warning restore DAP241
            await command.ExecuteNonQueryAsync();
        }
        else if (_serverName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(TestEnvironment.PostgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_serverName}\" WITH (FORCE)", connection);
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

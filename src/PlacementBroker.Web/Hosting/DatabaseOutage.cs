using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PlacementBroker.Web.Hosting;

/// <summary>
/// Tells a database that cannot be reached (stopped, restarting, failing over, out of connections, network gone)
/// from a fault in the request itself, so that an outage answers 503 and "try again later", never a 500.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a client is told to wait before trying again while the database is unavailable.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>PostgreSQL error classes and codes that mean "the server cannot serve you now", not "your statement is wrong".</summary>
    private static readonly string[] PostgresUnavailableCodes =
    [
        "57P01", // admin_shutdown: the server is stopping
        "57P02", // crash_shutdown
        "57P03", // cannot_connect_now: starting up or in recovery
        "53300", // too_many_connections
        "53000", // insufficient_resources
        "58000", // system_error
        "58030", // io_error
    ];

    /// <summary>SQL Server errors that mean the server or the network is unavailable (connection, login to a database that is offline, Azure throttling).</summary>
    private static readonly int[] SqlServerUnavailableNumbers =
        [-2, 2, 53, 121, 233, 4060, 10053, 10054, 10060, 10061, 10928, 10929, 40143, 40197, 40501, 40613, 49918, 49919, 49920];

    /// <summary>True when the exception, or one it wraps, says the database is unavailable rather than the request being at fault.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        var insideDatabaseCall = false;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    // A server that answered: unavailable only when it says it is going away or full.
                    if (postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || PostgresUnavailableCodes.Contains(postgres.SqlState))
                    {
                        return true;
                    }
                    return false;
                case NpgsqlException npgsql when npgsql.IsTransient:
                    // No server answer at all: refused, reset, timed out, the pool exhausted.
                    return true;
                case SqlException sql when sql.Errors.Cast<SqlError>().Any(error => SqlServerUnavailableNumbers.Contains(error.Number)):
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6:
                    // SQLITE_BUSY or SQLITE_LOCKED after the busy timeout: another writer holds the file.
                    return true;
                case SocketException when insideDatabaseCall:
                    return true;
                case TimeoutException when insideDatabaseCall:
                    return true;
                case RetryLimitExceededException:
                case DbUpdateException:
                case DbException:
                case Hangfire.BackgroundJobClientException:
                    insideDatabaseCall = true;
                    break;
                case InvalidOperationException when e.InnerException is DbException:
                    // EF's "an exception has been raised that is likely due to a transient failure".
                    insideDatabaseCall = true;
                    break;
            }
        }
        return false;
    }

    /// <summary>
    /// Closes the idle pooled connections of this context's database, and marks the busy ones to close when they return,
    /// so that connections broken by the outage are never handed out again once the database is back.
    /// </summary>
    public static void ForgetPooledConnections(DbContext db)
    {
        try
        {
            switch (db.Database.GetDbConnection())
            {
                case NpgsqlConnection npgsql:
                    NpgsqlConnection.ClearPool(npgsql);
                    break;
                case SqlConnection sql:
                    SqlConnection.ClearPool(sql);
                    break;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            // A context without a connection string has no pool to clear.
        }
    }
}

using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Tests.Faults;

/// <summary>Which failures are "the database is unavailable, try again later" (503) and which stay faults or conflicts.</summary>
public class DatabaseOutageClassificationTests
{
    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    public static TheoryData<string, Exception> Outages => new()
    {
        { "server refused the connection", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)) },
        { "connection reset mid-query", new NpgsqlException("Exception while reading from stream", new EndOfStreamException()) },
        { "pool exhausted", new NpgsqlException("The connection pool has been exhausted", new TimeoutException()) },
        { "server shutting down", Postgres("57P01") },
        { "server starting up", Postgres("57P03") },
        { "too many connections", Postgres("53300") },
        { "connection failure class", Postgres("08006") },
        { "EF's transient wrapper", new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))) },
        { "save failed as the server went away", new DbUpdateException("An error occurred while saving", Postgres("57P01")) },
        { "SQLite busy after its timeout", new SqliteException("database is locked", 5) },
    };

    public static TheoryData<string, Exception> NotOutages => new()
    {
        { "unique violation", new DbUpdateException("An error occurred while saving", Postgres("23505")) },
        { "serialization failure (a conflict between requests)", Postgres("40001") },
        { "constraint failed on SQLite", new SqliteException("constraint failed", 19) },
        { "a timeout that is not the database's", new TimeoutException() },
        { "another service's network failure", new HttpRequestException("No connection", new SocketException((int)SocketError.ConnectionRefused)) },
        { "a bug", new InvalidOperationException("Sequence contains no elements") },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void DatabaseUnreachable_IsAnOutage(string _, Exception exception) => Assert.True(DatabaseOutage.IsUnavailable(exception));

    [Theory]
    [MemberData(nameof(NotOutages))]
    public void RequestFaultsAndConflicts_AreNotOutages(string _, Exception exception) => Assert.False(DatabaseOutage.IsUnavailable(exception));
}

using PlacementBroker.Web.Hosting;

namespace PlacementBroker.TestCommon;

/// <summary>
/// Where the real servers the tests use are. scripts/test.sh starts them and sets these variables.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "PLACEMENTBROKER_TEST_POSTGRES";
    public const string RedisVariable = "PLACEMENTBROKER_TEST_REDIS";
    public const string ChromiumVariable = "PLACEMENTBROKER_TEST_CHROMIUM";
    public const string AzuriteVariable = "PLACEMENTBROKER_TEST_AZURITE";
    public const string ServerDatabaseVariable = "PLACEMENTBROKER_TEST_SERVER_DATABASE";
    public const string SqlServerVariable = "PLACEMENTBROKER_TEST_SQLSERVER";

    public static string PostgresServer => Required(PostgresVariable, "a PostgreSQL server connection string, e.g. Host=127.0.0.1;Port=55432;Username=postgres");

    public static string Redis => Required(RedisVariable, "a Redis address, e.g. 127.0.0.1:56379");

    /// <summary>The connection string of Azurite, the Azure Storage emulator, for the Azure Blob document store.</summary>
    public static string Azurite => Required(AzuriteVariable, "an Azure Storage connection string for Azurite (BlobEndpoint=http://127.0.0.1:PORT/devstoreaccount1 with its development key)");

    /// <summary>
    /// The database server the API and race tests run on (<c>ServerApp</c>): PostgreSQL, unless
    /// scripts/test-sqlserver.sh sets PLACEMENTBROKER_TEST_SERVER_DATABASE=SqlServer.
    /// </summary>
    public static DatabaseProvider ServerDatabase => Environment.GetEnvironmentVariable(ServerDatabaseVariable) switch
    {
        null or "" or "PostgreSql" => DatabaseProvider.PostgreSql,
        "SqlServer" => DatabaseProvider.SqlServer,
        var other => throw new InvalidOperationException($"{ServerDatabaseVariable} is {other}: it is PostgreSql (the default) or SqlServer."),
    };

    /// <summary>A SQL Server connection string without a database, e.g. Server=127.0.0.1,14333;User ID=sa;Password=…;TrustServerCertificate=true.</summary>
    public static string SqlServer => Required(SqlServerVariable, "a SQL Server connection string with no database (scripts/test-sqlserver.sh starts one in Docker and sets it)");

    public static string Chromium => Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static string Required(string name, string what) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Set {name} to {what}. scripts/test.sh starts the servers and sets it for you.");
}

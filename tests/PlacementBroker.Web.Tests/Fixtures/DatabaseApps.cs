using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Tests.Fixtures;

/// <summary>The host over a SQLite file of its own (the default provider).</summary>
public class SqliteApp : PlacementBrokerApp;

/// <summary>A developer's machine: the Development environment without GOV.UK Notify, where the email outbox pages exist.</summary>
public class DevelopmentApp : SqliteApp
{
    protected override string HostEnvironment => "Development";
}

/// <summary>The host over a PostgreSQL database of its own, always: for what is about PostgreSQL, or needs one of its servers.</summary>
public class PostgresApp : PlacementBrokerApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>
/// The host over a database server of its own, for the API and race tests: PostgreSQL in the suite, SQL Server when
/// scripts/test-sqlserver.sh selects it (<see cref="TestEnvironment.ServerDatabase"/>). Tests on it say nothing about
/// one server's SQL, so they hold for both.
/// </summary>
public class ServerApp : PlacementBrokerApp
{
    public override DatabaseProvider Provider => TestEnvironment.ServerDatabase;
}

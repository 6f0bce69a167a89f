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

public class PostgresApp : PlacementBrokerApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

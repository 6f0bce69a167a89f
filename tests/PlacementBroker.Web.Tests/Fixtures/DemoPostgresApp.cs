using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Seeding;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Data;
using System.Net;

namespace PlacementBroker.Web.Tests.Fixtures;

public class DemoPostgresApp : PlacementBrokerApp
{
    public override Web.Hosting.DatabaseProvider Provider => Web.Hosting.DatabaseProvider.PostgreSql;
    protected override bool SeedDemoData => true;
}

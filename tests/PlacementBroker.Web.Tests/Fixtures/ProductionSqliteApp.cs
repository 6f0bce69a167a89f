using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Hosting;
using PlacementBroker.Web.Tests.Pages;
using System.Net.Http.Json;
using System.Net;

namespace PlacementBroker.Web.Tests.Fixtures;

/// <summary>The host in the Production environment, its clients on https at its public address.</summary>
public class ProductionSqliteApp : PlacementBrokerApp
{
    public ProductionSqliteApp() => ClientOptions.BaseAddress = new Uri($"https://{TransportAndSessionTests.PublicHost}");

    protected override string HostEnvironment => "Production";

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["AllowedHosts"] = $"{TransportAndSessionTests.PublicHost};{TransportAndSessionTests.OtherHost}",
        ["PlacementBroker:PublicBaseUrl"] = $"https://{TransportAndSessionTests.PublicHost}",
    };
}

public class ProductionPostgresApp : ProductionSqliteApp
{
    public override Web.Hosting.DatabaseProvider Provider => Web.Hosting.DatabaseProvider.PostgreSql;
}

using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;
using PlacementBroker.Web.Hubs;
using PlacementBroker.Web.Tests.Hubs;

namespace PlacementBroker.Web.Tests.Fixtures;

/// <summary>
/// One web node of a scaled-out deployment: shared PostgreSQL database, shared Redis (backplane and data-protection
/// key ring), shared signing key; a data folder of its own, as on separate machines.
/// </summary>
public class BackplaneNode(TestDatabase database) : PlacementBrokerApp
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("placementbroker-node-").FullName;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    protected override bool RealServer => true;
    protected override string? Redis => TestEnvironment.Redis;
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);
    protected override bool OwnsDatabase => false;
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["PlacementBroker:DataFolder"] = _dataFolder };

    protected override async Task DisposeAppAsync()
    {
        await base.DisposeAppAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }
}

public sealed class TwoNodes : IAsyncLifetime
{
    private TestDatabase _database = null!;
    public BackplaneNode A { get; private set; } = null!;
    public BackplaneNode B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        // One node first: it applies the migrations and installs the job storage schema, as in a real roll-out.
        A = new BackplaneNode(_database);
        await A.InitializeAsync();
        B = new BackplaneNode(_database);
        await B.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)B).DisposeAsync();
        await ((IAsyncLifetime)A).DisposeAsync();
        await _database.DisposeAsync();
    }
}

using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;
using PlacementBroker.Web.Hubs;

namespace PlacementBroker.Web.Tests.Hubs;

/// <summary>One web node of a scaled-out deployment: shared PostgreSQL database, shared Redis backplane, shared signing key.</summary>
public class BackplaneNode(TestDatabase database) : PlacementBrokerApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    protected override bool RealServer => true;
    protected override string? Redis => TestEnvironment.Redis;
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);
    protected override bool OwnsDatabase => false;
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

/// <summary>Two web nodes with the Redis backplane: an event raised on one reaches a client connected to the other.</summary>
public class RedisBackplaneTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task Event_RaisedOnOneNode_ReachesTheProviderConnectedToAnother()
    {
        var provider = await nodes.A.Data.CreateProviderAsync();
        await using var client = new HubClient(nodes.B.ServerAddress, await nodes.B.Data.TokenAsync(provider.User), "probe");
        await client.StartAsync();
        var hubOnA = nodes.A.Services.GetRequiredService<IHubContext<MarketplaceHub>>();

        await hubOnA.Clients.Group(MarketplaceHub.ProviderGroup(provider.Id)).SendAsync("probe", new { from = "node A" });

        Assert.Contains("node A", (await client.NextAsync(TimeSpan.FromSeconds(15))).Payload);
    }
}

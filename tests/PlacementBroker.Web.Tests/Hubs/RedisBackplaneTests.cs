using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hubs;

namespace PlacementBroker.Web.Tests.Hubs;

public class RedisNodeA : PlacementBrokerApp
{
    protected override bool RealServer => true;
    protected override string? Redis => TestEnvironment.Redis;
}

public class RedisNodeB : RedisNodeA;

/// <summary>Two web nodes with the Redis backplane: an event raised on one reaches a client connected to the other.</summary>
public class RedisBackplaneTests(RedisNodeA nodeA, RedisNodeB nodeB) : IClassFixture<RedisNodeA>, IClassFixture<RedisNodeB>
{
    [Fact]
    public async Task Event_RaisedOnOneNode_ReachesTheProviderConnectedToAnother()
    {
        // Both nodes share the signing key, as every node of one deployment must.
        var provider = await nodeA.Data.CreateProviderAsync();
        await using var client = new HubClient(nodeB.ServerAddress, await nodeA.Data.TokenAsync(provider.User), "probe");
        await client.StartAsync();
        var hubOnA = nodeA.Services.GetRequiredService<IHubContext<MarketplaceHub>>();

        await hubOnA.Clients.Group(MarketplaceHub.ProviderGroup(provider.Id)).SendAsync("probe", new { from = "node A" });

        Assert.Contains("node A", (await client.NextAsync(TimeSpan.FromSeconds(15))).Payload);
    }
}

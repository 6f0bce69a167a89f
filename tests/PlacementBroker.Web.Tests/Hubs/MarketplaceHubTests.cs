using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hubs;

namespace PlacementBroker.Web.Tests.Hubs;

/// <summary>The hub over a real Kestrel connection: who may connect, and which groups the server puts them in.</summary>
public class MarketplaceHubTests(LiveApp app) : IClassFixture<LiveApp>
{
    private const string Probe = "probe";

    [Fact]
    public async Task Connect_WithBearerToken_Connects()
    {
        var officer = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        await using var client = new HubClient(app.ServerAddress, await app.Data.TokenAsync(officer));

        await client.StartAsync();

        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, client.Connection.State);
    }

    [Fact]
    public async Task Connect_WithoutToken_IsRefused()
    {
        await using var client = new HubClient(app.ServerAddress, token: null);

        var error = await Assert.ThrowsAsync<HttpRequestException>(client.StartAsync);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Connect_WithForgedToken_IsRefused()
    {
        var forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwicm9sZSI6IlBsYXRmb3JtQWRtaW4ifQ.c2lnbmF0dXJlLW5vdC12YWxpZA";
        await using var client = new HubClient(app.ServerAddress, forged);

        var error = await Assert.ThrowsAsync<HttpRequestException>(client.StartAsync);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Groups_ComeFromTheToken_OnlyTheProvidersOwnUsersReceiveItsEvents()
    {
        var provider = await app.Data.CreateProviderAsync();
        var otherProvider = await app.Data.CreateProviderAsync();
        var officer = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        await using var mine = new HubClient(app.ServerAddress, await app.Data.TokenAsync(provider.User), Probe);
        await using var theirs = new HubClient(app.ServerAddress, await app.Data.TokenAsync(otherProvider.User), Probe);
        await using var council = new HubClient(app.ServerAddress, await app.Data.TokenAsync(officer), Probe);
        await Task.WhenAll(mine.StartAsync(), theirs.StartAsync(), council.StartAsync());
        var hub = app.Services.GetRequiredService<IHubContext<MarketplaceHub>>();

        await hub.Clients.Group(MarketplaceHub.ProviderGroup(provider.Id)).SendAsync(Probe, new { to = "provider" });
        await hub.Clients.Group(MarketplaceHub.AuthorityGroup(officer.LocalAuthorityId!.Value)).SendAsync(Probe, new { to = "authority" });
        // Messages on one connection arrive in order: the sentinel proves nothing else came first.
        await hub.Clients.All.SendAsync(Probe, new { to = "everyone" });

        Assert.Contains("provider", (await mine.NextAsync()).Payload);
        Assert.Contains("everyone", (await mine.NextAsync()).Payload);
        Assert.Contains("everyone", (await theirs.NextAsync()).Payload);
        Assert.Contains("authority", (await council.NextAsync()).Payload);
        Assert.Contains("everyone", (await council.NextAsync()).Payload);
    }

    [Fact]
    public async Task Groups_UserGroup_ReachesOnlyThatUser()
    {
        var officer = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        var colleague = await app.Data.CreateUserAsync(Role.PlacingOfficer, officer.LocalAuthorityId);
        await using var me = new HubClient(app.ServerAddress, await app.Data.TokenAsync(officer), Probe);
        await using var them = new HubClient(app.ServerAddress, await app.Data.TokenAsync(colleague), Probe);
        await Task.WhenAll(me.StartAsync(), them.StartAsync());
        var hub = app.Services.GetRequiredService<IHubContext<MarketplaceHub>>();

        await hub.Clients.Group(MarketplaceHub.UserGroup(officer.Id)).SendAsync(Probe, new { to = "officer" });
        await hub.Clients.Group(MarketplaceHub.AuthorityGroup(officer.LocalAuthorityId!.Value)).SendAsync(Probe, new { to = "team" });

        Assert.Contains("officer", (await me.NextAsync()).Payload);
        Assert.Contains("team", (await me.NextAsync()).Payload);
        Assert.Contains("team", (await them.NextAsync()).Payload);
    }
}

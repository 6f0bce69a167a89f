using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Identity;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hubs;

namespace PlacementBroker.Web.Tests.Hubs;

/// <summary>A disabled account's live hub connections end at once, over a real Kestrel connection.</summary>
public class AccountLifecycleHubTests(LiveApp app) : IClassFixture<LiveApp>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Disable_TheUsersLiveConnectionIsClosed_AndTheirTokenCannotReconnect()
    {
        var provider = await app.Data.CreateProviderAsync();
        var token = await app.Data.TokenAsync(provider.User);
        await using var client = new HubClient(app.ServerAddress, token);
        await client.StartAsync();
        var closed = Closed(client);
        using var admin = await app.Data.AdminClientAsync();

        await (await admin.PostAsync($"/api/users/{provider.User.Id}/disable", null)).ReadJsonAsync(HttpStatusCode.OK);

        // Closed by the request that disabled the account, not left to the periodic sweep.
        Assert.Equal(0, app.Services.GetRequiredService<AccountConnections>().CountFor(provider.User.Id));
        await closed.WaitAsync(Bound);
        Assert.Equal(HubConnectionState.Disconnected, client.Connection.State);
        await using var again = new HubClient(app.ServerAddress, token);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(again.StartAsync);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Disable_OtherUsersConnectionsStayOpen()
    {
        var victim = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        var colleague = await app.Data.CreateUserAsync(Role.PlacingOfficer, victim.LocalAuthorityId);
        await using var theirs = new HubClient(app.ServerAddress, await app.Data.TokenAsync(victim));
        await using var mine = new HubClient(app.ServerAddress, await app.Data.TokenAsync(colleague), "probe");
        await Task.WhenAll(theirs.StartAsync(), mine.StartAsync());
        var closed = Closed(theirs);
        using var admin = await app.Data.AdminClientAsync();

        await (await admin.PostAsync($"/api/users/{victim.Id}/disable", null)).ReadJsonAsync(HttpStatusCode.OK);
        await closed.WaitAsync(Bound);

        await app.Services.GetRequiredService<IHubContext<MarketplaceHub>>().Clients.Group(MarketplaceHub.UserGroup(colleague.Id)).SendAsync("probe", new { still = "here" });
        Assert.Contains("here", (await mine.NextAsync()).Payload);
        Assert.Equal(HubConnectionState.Connected, mine.Connection.State);
    }

    /// <summary>
    /// The account changed where this node could not close the connection at once (another node, or the database
    /// directly): its next hub call is refused and the connection closes.
    /// </summary>
    [Fact]
    public async Task AccountDisabledElsewhere_TheNextHubCallFailsAndClosesTheConnection()
    {
        var officer = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        await using var client = new HubClient(app.ServerAddress, await app.Data.TokenAsync(officer));
        await client.StartAsync();
        var closed = Closed(client);
        await DisableBehindTheHostsBackAsync(officer.Id);

        // Refused: with the server's message, or as the connection closes under the call.
        await Assert.ThrowsAnyAsync<Exception>(() => client.Connection.InvokeAsync("WatchReferral", Guid.NewGuid()));

        await closed.WaitAsync(Bound);
    }

    [Fact]
    public async Task AccountDisabledElsewhere_TheSweepClosesAnIdleConnection()
    {
        var officer = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        var bystander = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        await using var client = new HubClient(app.ServerAddress, await app.Data.TokenAsync(officer));
        await using var other = new HubClient(app.ServerAddress, await app.Data.TokenAsync(bystander), "probe");
        await Task.WhenAll(client.StartAsync(), other.StartAsync());
        var closed = Closed(client);
        await DisableBehindTheHostsBackAsync(officer.Id);

        using var scope = app.Services.CreateScope();
        var swept = await app.Services.GetRequiredService<AccountConnections>().SweepAsync(
            scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>(), CancellationToken.None);

        Assert.True(swept >= 1);
        await closed.WaitAsync(Bound);
        // The sweep left the enabled account's connection alone: it still hears its events.
        await app.Services.GetRequiredService<IHubContext<MarketplaceHub>>().Clients.Group(MarketplaceHub.UserGroup(bystander.Id)).SendAsync("probe", new { still = "here" });
        Assert.Contains("here", (await other.NextAsync()).Payload);
        Assert.Equal(HubConnectionState.Connected, other.Connection.State);
    }

    /// <summary>Changing the password (a new security stamp) ends live connections made with the old one at their next call.</summary>
    [Fact]
    public async Task PasswordChanged_TheOldConnectionsNextCallFails()
    {
        var officer = await app.Data.CreateUserAsync(Role.PlacingOfficer);
        await using var client = new HubClient(app.ServerAddress, await app.Data.TokenAsync(officer));
        await client.StartAsync();
        var closed = Closed(client);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = await users.FindByIdAsync(officer.Id.ToString());
            Assert.True((await users.ChangePasswordAsync(user!, officer.Password, "Another-Long-Passphrase")).Succeeded);
        }

        await Assert.ThrowsAnyAsync<Exception>(() => client.Connection.InvokeAsync("WatchReferral", Guid.NewGuid()));
        await closed.WaitAsync(Bound);
    }

    private static Task Closed(HubClient client)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    /// <summary>Disables the account in the database only, as another node would: this node's register is not told.</summary>
    private async Task DisableBehindTheHostsBackAsync(Guid userId)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = await users.FindByIdAsync(userId.ToString());
        user!.DisabledAt = app.Clock.GetUtcNow().UtcDateTime;
        Assert.True((await users.UpdateSecurityStampAsync(user)).Succeeded);
    }
}

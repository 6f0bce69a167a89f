using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;
using PlacementBroker.Web.Hubs;

namespace PlacementBroker.Web.Tests.Hubs;

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

    [Fact]
    public async Task SignIn_OnOneNode_TheCookieAndFormsWorkOnAnother_WithNoFolderShared()
    {
        var commissioner = await nodes.A.Data.CreateUserAsync(Core.Role.Commissioner, (await nodes.A.Data.CreateLocalAuthorityAsync()).Id);
        var cookies = new System.Net.CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var browser = new HttpClient(handler);
        async Task<string> TokenAsync(Uri page) => System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(
            await browser.GetStringAsync(page), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);

        // Signed in through node A's form.
        var signIn = await browser.PostAsync(new Uri(nodes.A.ServerAddress, "/sign-in"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = commissioner.Email, ["Input.Password"] = commissioner.Password, ["__RequestVerificationToken"] = await TokenAsync(new Uri(nodes.A.ServerAddress, "/sign-in")),
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        // The cookie is for 127.0.0.1 whatever the port: node B receives it, and reads it with the shared key ring.
        var onB = await browser.GetAsync(new Uri(nodes.B.ServerAddress, "/sufficiency"));
        Assert.Equal(System.Net.HttpStatusCode.OK, onB.StatusCode);
        // A form rendered by node B posts back to node A: the antiforgery token is read there too.
        var token = await TokenAsync(new Uri(nodes.B.ServerAddress, "/billing/preview?month=2026-10"));
        var posted = await browser.PostAsync(new Uri(nodes.A.ServerAddress, "/billing/preview?month=2026-10"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Month"] = "2026-10", ["Confirmed"] = "true", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/billing/runs/", posted.Headers.Location!.OriginalString);
    }
}

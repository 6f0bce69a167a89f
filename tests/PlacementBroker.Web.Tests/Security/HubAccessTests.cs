using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using PlacementBroker.Web.Hubs;
using PlacementBroker.Web.Tests.Hubs;
using static PlacementBroker.Web.Tests.Security.Caller;

namespace PlacementBroker.Web.Tests.Security;

/// <summary>
/// The hub's side of the matrix: every public method a client can invoke × every caller × own, other tenant's and
/// unknown resource. To add a hub method, add one line to <see cref="Methods"/>: who may invoke it and its arguments from a side.
/// </summary>
[Collection(SecurityMarketCollection.Name)]
public class HubAccessTests(SecurityMarketApp app)
{
    public sealed record HubMethod(string Name, Caller[] Allowed, Func<Side, object[]> Args);

    public static readonly HubMethod[] Methods =
    [
        // Following a referral's offers live: the owning authority's officers and managers only.
        new("WatchReferral", [PlacingOfficer, PlacementManager], s => [s.Referral]),
    ];

    [Fact]
    public void EveryHubMethod_HasAnEntry()
    {
        var invocable = typeof(MarketplaceHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(MarketplaceHub))
            .Select(m => m.Name).Order().ToList();

        Assert.Equal(Methods.Select(m => m.Name).Order().ToList(), invocable);
    }

    [Fact]
    public async Task Connect_Anonymous_IsRefusedWith401()
    {
        await using var client = new HubClient(app.ServerAddress, token: null);

        var error = await Assert.ThrowsAsync<HttpRequestException>(client.StartAsync);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    public static TheoryData<string> MethodNames() => new(Methods.Select(m => m.Name));

    [Theory]
    [MemberData(nameof(MethodNames))]
    public async Task HubMethod_AnswersEveryCallerAndTenantAsTheContractSays(string name)
    {
        var method = Methods.Single(m => m.Name == name);
        var failures = new List<string>();
        foreach (var caller in Enum.GetValues<Caller>().Where(c => c != Anonymous))
        {
            await using var client = new HubClient(app.ServerAddress, app.Tokens[caller]);
            await client.StartAsync();
            foreach (var target in Enum.GetValues<Target>())
            {
                var args = target switch
                {
                    Target.Own => method.Args(app.A),
                    Target.Other => method.Args(app.B),
                    _ => method.Args(app.A).Select(a => a is Guid ? (object)Guid.NewGuid() : a).ToArray(),
                };
                var allowed = target == Target.Own && method.Allowed.Contains(caller);
                try
                {
                    await client.Connection.InvokeCoreAsync(method.Name, args);
                    if (!allowed)
                    {
                        failures.Add($"{caller} {method.Name} ({target}): allowed, but must be refused");
                    }
                }
                catch (HubException e)
                {
                    if (allowed)
                    {
                        failures.Add($"{caller} {method.Name} ({target}): refused ({e.Message}), but must be allowed");
                    }
                }
                Assert.Equal(HubConnectionState.Connected, client.Connection.State);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

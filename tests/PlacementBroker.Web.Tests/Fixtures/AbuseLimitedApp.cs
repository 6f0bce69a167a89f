using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Identity;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;
using PlacementBroker.Web.Tests.Api;
using System.Net.Http.Json;
using System.Net;

namespace PlacementBroker.Web.Tests.Fixtures;

/// <summary>
/// A real server behind a trusted proxy at 127.0.0.1, so each test speaks from addresses of its own (X-Forwarded-For).
/// Small abuse limits, except token requests, which keep their default.
/// </summary>
public class AbuseLimitedApp : PlacementBrokerApp
{
    public const int Registrations = 3;
    public const int Invitations = 2;
    public const int Offers = 3;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    protected override bool RealServer => true;
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["PlacementBroker:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        ["PlacementBroker:RateLimits:RegistrationsPerHourPerAddress"] = Registrations.ToString(),
        ["PlacementBroker:RateLimits:InvitationsPerHourPerAddress"] = Invitations.ToString(),
        ["PlacementBroker:RateLimits:OffersPerMinutePerProvider"] = Offers.ToString(),
        ["PlacementBroker:RateLimits:TokensPerMinutePerAddress"] = new RateLimitOptions().TokensPerMinutePerAddress.ToString(),
    };

    public HttpClient ClientAt(string address, string? token = null)
    {
        var client = new HttpClient { BaseAddress = ServerAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }
        return client;
    }
}

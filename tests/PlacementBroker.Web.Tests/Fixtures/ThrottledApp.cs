using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Api;
using System.Net.Http.Json;
using System.Net;

namespace PlacementBroker.Web.Tests.Fixtures;

/// <summary>A real server, so requests come from a real address (127.0.0.1), like a council office behind one address.</summary>
public class ThrottledApp : PlacementBrokerApp
{
    public const int AddressLimit = 12;
    protected override bool RealServer => true;
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["PlacementBroker:SignInProtection:MaxFailedAttemptsPerAddress"] = AddressLimit.ToString(),
        ["PlacementBroker:SignInProtection:AddressWindowMinutes"] = "15",
    };
}

/// <summary>The platform behind a load balancer at 127.0.0.1 that says who the client is in X-Forwarded-For.</summary>
public class BehindProxyApp : ThrottledApp
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["PlacementBroker:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
    };
}

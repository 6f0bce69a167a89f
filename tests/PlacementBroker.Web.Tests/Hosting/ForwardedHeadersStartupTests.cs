using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Hosting;

/// <summary>A host told to believe forwarded headers from anyone, or given a proxy that is not an address, does not start.</summary>
public class ForwardedHeadersStartupTests
{
    private sealed class MisconfiguredApp(string key, string value) : PlacementBrokerApp
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { [key] = value };
    }

    [Theory]
    [InlineData("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true", "trusts forwarded headers from anyone")]
    [InlineData("FORWARDEDHEADERS_ENABLED", "true", "trusts forwarded headers from anyone")]
    [InlineData("PlacementBroker:ForwardedHeaders:KnownProxies:0", "the-load-balancer", "is not an IP address")]
    [InlineData("PlacementBroker:ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99", "is not a network")]
    public async Task Start_Misconfigured_FailsWithAMessageThatSaysWhy(string key, string value, string message)
    {
        var app = new MisconfiguredApp(key, value);
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(app.InitializeAsync);
            Assert.Contains(message, Flatten(error));
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private static string Flatten(Exception error) => error.InnerException is { } inner ? $"{error.Message} | {Flatten(inner)}" : error.Message;
}

using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;
using PlacementBroker.Web.Tests.Faults;

namespace PlacementBroker.Web.Tests.Fixtures;

/// <summary>The host on a PostgreSQL cluster of the test's own, which the test may stop and start.</summary>
public sealed class OwnPostgresApp : PlacementBrokerApp
{
    public const string SigningKey = "test-signing-key-that-is-long-enough-for-hs256-0123456789";

    public ThrowawayPostgres Cluster { get; private set; } = null!;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override async Task InitializeAsync()
    {
        Cluster = await ThrowawayPostgres.StartAsync();
        await base.InitializeAsync();
    }

    protected override async Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.ExistingPostgres(await Cluster.CreateDatabaseAsync());

    protected override async Task DisposeAppAsync()
    {
        await base.DisposeAppAsync();
        await Cluster.DisposeAsync();
    }

    /// <summary>Waits, within the bound, until the host says it is ready (its database answers).</summary>
    public static async Task WaitUntilReadyAsync(HttpClient client, TimeSpan within, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + within;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == System.Net.HttpStatusCode.OK)
                {
                    return;
                }
                last = $"{(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        Assert.Fail($"/health/ready was not 200 within {within.TotalSeconds} s (last: {last}){diagnostics?.Invoke()}");
    }
}

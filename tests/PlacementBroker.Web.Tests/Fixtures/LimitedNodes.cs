using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;
using PlacementBroker.Web.Tests.Api;
using System.Net.Http.Json;
using System.Net;

namespace PlacementBroker.Web.Tests.Fixtures;

/// <summary>One web node of a scaled-out deployment with Redis: shared database, shared Redis, small registration limit.</summary>
public class LimitedNode(TestDatabase database, string keyPrefix) : PlacementBrokerApp
{
    public const int Registrations = 3;
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("placementbroker-node-").FullName;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    protected override bool RealServer => true;
    protected override string? Redis => TestEnvironment.Redis;
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);
    protected override bool OwnsDatabase => false;
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["PlacementBroker:DataFolder"] = _dataFolder,
        ["PlacementBroker:RateLimits:RegistrationsPerHourPerAddress"] = Registrations.ToString(),
        // Counters of this deployment only: earlier runs against the same Redis count apart.
        ["PlacementBroker:RateLimits:RedisKeyPrefix"] = keyPrefix,
    };

    protected override async Task DisposeAppAsync()
    {
        await base.DisposeAppAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }
}

public sealed class TwoLimitedNodes : IAsyncLifetime
{
    private TestDatabase _database = null!;
    public LimitedNode A { get; private set; } = null!;
    public LimitedNode B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var prefix = $"PlacementBroker:Tests:{Guid.NewGuid():N}";
        A = new LimitedNode(_database, prefix);
        await A.InitializeAsync();
        B = new LimitedNode(_database, prefix);
        await B.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)B).DisposeAsync();
        await ((IAsyncLifetime)A).DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>A node configured for Redis that cannot reach it.</summary>
public class RedisDownNode : PlacementBrokerApp
{
    public const int Registrations = 3;
    protected override bool RealServer => true;
    protected override string? Redis => "127.0.0.1:1,connectTimeout=500,abortConnect=false";
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["PlacementBroker:RateLimits:RegistrationsPerHourPerAddress"] = Registrations.ToString(),
        // The key ring lives in Redis too: with Redis out from the start, storing the admin's one-time-code secret (protected
        // with a key) would stop the host before it answers anything. This node needs no admin.
        ["PlacementBroker:Admin:TotpSecret"] = "",
    };
}

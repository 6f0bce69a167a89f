using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace PlacementBroker.Web.Hubs;

/// <summary>
/// The live hub connections of this node, by user, so that disabling an account or changing its password closes them
/// at once rather than leaving them to receive events. Other nodes close theirs on their next sweep
/// (<see cref="AccountConnectionSweep"/>) or at the connection's next hub call, whichever comes first.
/// </summary>
public class AccountConnections
{
    private readonly ConcurrentDictionary<string, (Guid UserId, string? Stamp, HubCallerContext Context)> _connections = new();

    public void Add(Guid userId, string? stamp, HubCallerContext context) => _connections[context.ConnectionId] = (userId, stamp, context);

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    public int CountFor(Guid userId) => _connections.Values.Count(c => c.UserId == userId);

    /// <summary>Aborts every connection of the user on this node; returns how many.</summary>
    public int CloseAll(Guid userId)
    {
        var closed = 0;
        foreach (var (id, connection) in _connections)
        {
            if (connection.UserId == userId)
            {
                connection.Context.Abort();
                _connections.TryRemove(id, out _);
                closed++;
            }
        }
        return closed;
    }

    /// <summary>Aborts the connections whose account is gone, disabled or has a new security stamp.</summary>
    public async Task<int> SweepAsync(PlacementBrokerDbContext db, CancellationToken ct)
    {
        var snapshot = _connections.ToArray();
        if (snapshot.Length == 0)
        {
            return 0;
        }
        var closed = 0;
        foreach (var chunk in snapshot.Select(c => c.Value.UserId).Distinct().Chunk(500))
        {
            var ids = chunk.ToList();
            var current = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.DisabledAt == null)
                .Select(u => new { u.Id, u.SecurityStamp })
                .ToDictionaryAsync(u => u.Id, u => u.SecurityStamp, ct);
            foreach (var (id, connection) in snapshot.Where(c => ids.Contains(c.Value.UserId)))
            {
                if (!current.TryGetValue(connection.UserId, out var stamp) || stamp != connection.Stamp)
                {
                    connection.Context.Abort();
                    _connections.TryRemove(id, out _);
                    closed++;
                }
            }
        }
        return closed;
    }
}

/// <summary>
/// Re-checks the account on every hub call (the token or cookie was only checked when the connection opened) and
/// keeps the register of live connections.
/// </summary>
public class AccountHubFilter(AccountConnections connections) : IHubFilter
{
    public const string SessionEnded = "Your session has ended. Sign in again.";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var user = invocation.Context.User;
        var access = invocation.ServiceProvider.GetRequiredService<AccountAccess>();
        if (user is null || !await access.IsCurrentAsync(user, AccountAccess.StampOf(user), checkLockout: false))
        {
            connections.Remove(invocation.Context.ConnectionId);
            invocation.Context.Abort();
            throw new HubException(SessionEnded);
        }
        return await next(invocation);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (context.Context.User is { } user && user.GetUserId() is { } userId)
        {
            connections.Add(userId, AccountAccess.StampOf(user), context.Context);
        }
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        connections.Remove(context.Context.ConnectionId);
        await next(context, exception);
    }
}

/// <summary>
/// Every few seconds, closes this node's connections of accounts disabled (or re-stamped) on another node. The
/// node that disables an account closes its own connections at once.
/// </summary>
public class AccountConnectionSweep(AccountConnections connections, IServiceScopeFactory scopes, ILogger<AccountConnectionSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time, not the application's clock: tests freeze that one.
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var closed = await connections.SweepAsync(scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>(), stoppingToken);
                if (closed > 0)
                {
                    logger.LogInformation("Closed {Count} hub connections of disabled or changed accounts", closed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The sweep of hub connections failed; it runs again in {Interval}", Interval);
            }
        }
    }
}

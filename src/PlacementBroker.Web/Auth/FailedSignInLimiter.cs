using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PlacementBroker.Web.Auth;

/// <summary>
/// Slows password guessing from one address. Only failures count: a council office behind one public address
/// signs in and uses the API freely. Per node; account lockout (in the database) is the shared defence.
/// </summary>
public class FailedSignInLimiter(IOptions<PlacementBrokerOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> _failures = new();
    private long _failuresSinceSweep;

    private SignInProtectionOptions Settings => options.Value.SignInProtection;

    public bool IsBlocked(string? address, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (address is null || !_failures.TryGetValue(address, out var queue))
        {
            return false;
        }
        var windowStart = Trim(queue);
        if (queue.Count < Settings.MaxFailedAttemptsPerAddress)
        {
            return false;
        }
        retryAfter = queue.TryPeek(out var oldest) ? oldest - windowStart : TimeSpan.FromMinutes(1);
        if (retryAfter < TimeSpan.FromSeconds(1))
        {
            retryAfter = TimeSpan.FromSeconds(1);
        }
        return true;
    }

    public void RecordFailure(string? address)
    {
        if (address is null)
        {
            return;
        }
        var queue = _failures.GetOrAdd(address, _ => new ConcurrentQueue<DateTimeOffset>());
        queue.Enqueue(clock.GetUtcNow());
        Trim(queue);
        if (Interlocked.Increment(ref _failuresSinceSweep) % 256 == 0)
        {
            Forget();
        }
    }

    /// <summary>Drops addresses whose failures have all aged out, so memory follows recent attacks only.</summary>
    private void Forget()
    {
        foreach (var (address, queue) in _failures)
        {
            Trim(queue);
            if (queue.IsEmpty)
            {
                _failures.TryRemove(new KeyValuePair<string, ConcurrentQueue<DateTimeOffset>>(address, queue));
            }
        }
    }

    private DateTimeOffset Trim(ConcurrentQueue<DateTimeOffset> queue)
    {
        var windowStart = clock.GetUtcNow() - TimeSpan.FromMinutes(Settings.AddressWindowMinutes);
        while (queue.TryPeek(out var oldest) && oldest < windowStart)
        {
            queue.TryDequeue(out _);
        }
        return windowStart;
    }
}

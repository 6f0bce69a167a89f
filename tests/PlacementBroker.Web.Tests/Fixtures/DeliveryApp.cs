using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Notifications;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;
using PlacementBroker.Web.Tests.Jobs;
using System.Collections.Concurrent;

namespace PlacementBroker.Web.Tests.Fixtures;

/// <summary>
/// An email delivery service that records every send. Armed, the first send waits (bounded) until a second send is
/// in flight at the same time, so two delivery runs are made to overlap in the middle of sending.
/// </summary>
public sealed class RecordingDelivery : IEmailDelivery
{
    public static readonly TimeSpan GateBound = TimeSpan.FromSeconds(30);

    private TaskCompletionSource _bothSending = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private volatile bool _armed;

    public ConcurrentDictionary<Guid, int> Sends { get; } = new();

    /// <summary>True when the gate opened because two sends overlapped, false when it gave up waiting.</summary>
    public bool? Overlapped { get; private set; }

    public string Name => "GovukNotify";

    public void Arm()
    {
        _bothSending = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Overlapped = null;
        _armed = true;
    }

    private readonly ConcurrentDictionary<string, bool> _failFor = new();

    /// <summary>Every send to this address fails, as when Notify refuses it.</summary>
    public void FailFor(string to) => _failFor[to] = true;

    public async Task<string?> DeliverAsync(OutboxEmail email, CancellationToken ct)
    {
        Sends.AddOrUpdate(email.Id, 1, (_, n) => n + 1);
        if (_failFor.ContainsKey(email.To))
        {
            throw new InvalidOperationException("Notify refused the email");
        }
        if (_armed)
        {
            var gate = _bothSending;
            if (Interlocked.Increment(ref _inFlight) >= 2 && gate.TrySetResult())
            {
                Overlapped = true;
            }
            try
            {
                if (await Task.WhenAny(gate.Task, Task.Delay(GateBound, CancellationToken.None)) != gate.Task && gate.TrySetResult())
                {
                    Overlapped = false;
                }
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
        return $"notify-{email.Id:N}";
    }
}

public abstract class DeliveryApp : PlacementBrokerApp
{
    public RecordingDelivery Delivery { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IEmailDelivery>(Delivery));
    }
}

public class DeliverySqliteApp : DeliveryApp;

public class DeliveryPostgresApp : DeliveryApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

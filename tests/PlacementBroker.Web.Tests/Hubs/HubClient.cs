using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace PlacementBroker.Web.Tests.Hubs;

/// <summary>A real SignalR client over HTTP/WebSockets to a Kestrel host, recording every event it receives.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly Channel<(string Event, string Payload)> _received = Channel.CreateUnbounded<(string, string)>();
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HubClient(Uri server, string? token, params string[] events)
    {
        Connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/marketplace"), o =>
            {
                if (token is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();
        Connection.On<System.Text.Json.JsonElement>("connected", _ => _subscribed.TrySetResult());
        foreach (var name in events)
        {
            Connection.On<System.Text.Json.JsonElement>(name, payload => _received.Writer.TryWrite((name, payload.GetRawText())));
        }
    }

    public HubConnection Connection { get; }

    /// <summary>Connects, and returns once the server has put the connection in its groups.</summary>
    public async Task StartAsync()
    {
        await Connection.StartAsync();
        await _subscribed.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>The next event, or a failure after the bound: never a fixed sleep.</summary>
    public async Task<(string Event, string Payload)> NextAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        try
        {
            return await _received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No hub event arrived within {within ?? TimeSpan.FromSeconds(10)}.");
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PlacementBroker.TestCommon;

/// <summary>A request the stand-in received: what Stripe would have been sent.</summary>
public sealed record StripeRequest(string Method, string Path, IReadOnlyDictionary<string, string> Form, string? IdempotencyKey, string? Authorization);

/// <summary>
/// A small HTTP server on 127.0.0.1 that answers like Stripe's API for the calls billing makes (customers, accounts,
/// invoices, invoice items, finalise, send, transfers), in Stripe's JSON shapes. Like Stripe, it remembers idempotency
/// keys: a request repeated with the same key gets the first answer and creates nothing. Tests can make the next
/// requests to a path fail with a status and Stripe error, or answer only after a delay (a lost response).
/// </summary>
public sealed class StripeStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<StripeRequest> _requests = new();
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _answers = new();
    private readonly ConcurrentQueue<(string PathPrefix, int Status, string Type, string Message, TimeSpan Delay)> _faults = new();
    private readonly ConcurrentDictionary<string, int> _created = new();
    private int _sequence;

    private StripeStandIn(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<StripeRequest> Requests => [.. _requests];

    /// <summary>How many objects of a kind ("invoice", "invoiceitem", "transfer", …) were really created.</summary>
    public int Created(string kind) => _created.GetValueOrDefault(kind);

    /// <summary>The next request to a path starting with <paramref name="pathPrefix"/> fails with the status and a Stripe error.</summary>
    public void FailNext(string pathPrefix, int status, string type = "api_error", string message = "Something went wrong") =>
        _faults.Enqueue((pathPrefix, status, type, message, TimeSpan.Zero));

    /// <summary>The next request to the path is processed at once but answered only after <paramref name="delay"/>, as when a response is lost.</summary>
    public void DelayNext(string pathPrefix, TimeSpan delay) => _faults.Enqueue((pathPrefix, 0, "", "", delay));

    public static async Task<StripeStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new StripeStandIn(app);
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        standIn.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return standIn;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var form = http.Request.HasFormContentType
            ? (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString())
            : new Dictionary<string, string>();
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        var path = http.Request.Path.Value ?? "";
        _requests.Enqueue(new StripeRequest(http.Request.Method, path, form, key.Length == 0 ? null : key, http.Request.Headers.Authorization.ToString()));

        TimeSpan delay = TimeSpan.Zero;
        if (_faults.TryPeek(out var fault) && path.StartsWith(fault.PathPrefix, StringComparison.Ordinal) && _faults.TryDequeue(out fault))
        {
            if (fault.Status != 0)
            {
                await AnswerAsync(http, fault.Status, JsonSerializer.Serialize(new { error = new { type = fault.Type, message = fault.Message, code = fault.Type == "card_error" ? "card_declined" : null } }),
                    shouldRetry: fault.Status >= 500);
                return;
            }
            delay = fault.Delay;
        }
        // Stripe replays the first answer to a repeated idempotency key.
        var answer = key.Length > 0 ? _answers.GetOrAdd($"{path}|{key}", _ => Create(path, form)) : Create(path, form);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay);
        }
        await AnswerAsync(http, answer.Status, answer.Body, shouldRetry: false);
    }

    private (int Status, string Body) Create(string path, Dictionary<string, string> form)
    {
        var n = Interlocked.Increment(ref _sequence);
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Dictionary<string, string> Metadata() => form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal))
            .ToDictionary(f => f.Key["metadata[".Length..^1], f => f.Value);
        object Count(string kind, object body)
        {
            _created.AddOrUpdate(kind, 1, (_, c) => c + 1);
            return body;
        }
        var segments = path.Trim('/').Split('/');
        object? body = segments switch
        {
            ["v1", "customers"] => Count("customer", new { id = $"cus_{n}", @object = "customer", created, name = form.GetValueOrDefault("name"), metadata = Metadata() }),
            ["v1", "accounts"] => Count("account", new { id = $"acct_{n}", @object = "account", created, type = form.GetValueOrDefault("type"), metadata = Metadata() }),
            ["v1", "invoices"] => Count("invoice", new { id = $"in_{n}", @object = "invoice", created, status = "draft", customer = form.GetValueOrDefault("customer"), metadata = Metadata() }),
            ["v1", "invoiceitems"] => Count("invoiceitem", new { id = $"ii_{n}", @object = "invoiceitem", date = created, amount = long.Parse(form.GetValueOrDefault("amount") ?? "0"), invoice = form.GetValueOrDefault("invoice"), metadata = Metadata() }),
            ["v1", "invoices", var id, "finalize"] => Count("finalize", new { id, @object = "invoice", created, status = "open", metadata = new Dictionary<string, string>() }),
            ["v1", "invoices", var id, "send"] => Count("send", new { id, @object = "invoice", created, status = "open", metadata = new Dictionary<string, string>() }),
            ["v1", "transfers"] => Count("transfer", new { id = $"tr_{n}", @object = "transfer", created, amount = long.Parse(form.GetValueOrDefault("amount") ?? "0"), destination = form.GetValueOrDefault("destination"), metadata = Metadata() }),
            _ => null,
        };
        return body is null
            ? (404, JsonSerializer.Serialize(new { error = new { type = "invalid_request_error", message = $"Unrecognized request URL (POST: {path})" } }))
            : (200, JsonSerializer.Serialize(body));
    }

    private static async Task AnswerAsync(HttpContext http, int status, string body, bool shouldRetry)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        http.Response.Headers["Request-Id"] = $"req_{Guid.NewGuid():N}";
        if (shouldRetry)
        {
            http.Response.Headers["Stripe-Should-Retry"] = "true";
        }
        await http.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

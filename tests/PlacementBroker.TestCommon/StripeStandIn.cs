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
    private readonly ConcurrentQueue<(string PathPrefix, int Status, string Type, string Message, TimeSpan Delay, string? Method)> _faults = new();
    private readonly ConcurrentDictionary<string, int> _created = new();
    private readonly ConcurrentDictionary<string, string> _invoiceStatus = new();
    private readonly ConcurrentQueue<(string Invoice, object Line)> _lines = new();
    private readonly ConcurrentQueue<(string Group, object Transfer)> _transfers = new();
    private readonly object _gate = new();
    private int _sequence;

    private readonly TimeProvider _clock;

    private StripeStandIn(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<StripeRequest> Requests => [.. _requests];

    /// <summary>How many objects of a kind ("invoice", "invoiceitem", "transfer", …) were really created.</summary>
    public int Created(string kind) => _created.GetValueOrDefault(kind);

    /// <summary>The next request (of <paramref name="method"/>, if given) to a path starting with <paramref name="pathPrefix"/> fails with the status and a Stripe error.</summary>
    public void FailNext(string pathPrefix, int status, string type = "api_error", string message = "Something went wrong", string? method = null) =>
        _faults.Enqueue((pathPrefix, status, type, message, TimeSpan.Zero, method));

    /// <summary>The next request to the path is processed at once but answered only after <paramref name="delay"/>, as when a response is lost.</summary>
    public void DelayNext(string pathPrefix, TimeSpan delay) => _faults.Enqueue((pathPrefix, 0, "", "", delay, "POST"));

    /// <param name="clock">Stripe's clock, for the times on the objects it answers with.</param>
    public static async Task<StripeStandIn> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new StripeStandIn(app, clock ?? TimeProvider.System);
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
        if (_faults.TryPeek(out var fault) && path.StartsWith(fault.PathPrefix, StringComparison.Ordinal)
            && (fault.Method is null || fault.Method == http.Request.Method) && _faults.TryDequeue(out fault))
        {
            if (fault.Status != 0)
            {
                await AnswerAsync(http, fault.Status, JsonSerializer.Serialize(new { error = new { type = fault.Type, message = fault.Message, code = fault.Type == "card_error" ? "card_declined" : null } }),
                    shouldRetry: fault.Status >= 500);
                return;
            }
            delay = fault.Delay;
        }
        if (HttpMethods.IsGet(http.Request.Method))
        {
            var read = Read(path, http.Request.Query["transfer_group"].ToString());
            await AnswerAsync(http, read.Status, read.Body, shouldRetry: false);
            return;
        }
        // Stripe replays the first answer to a repeated idempotency key.
        (int Status, string Body) answer;
        lock (_gate)
        {
            answer = key.Length > 0 ? _answers.GetOrAdd($"{path}|{key}", _ => Create(path, form)) : Create(path, form);
        }
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay);
        }
        await AnswerAsync(http, answer.Status, answer.Body, shouldRetry: false);
    }

    private (int Status, string Body) Create(string path, Dictionary<string, string> form)
    {
        var n = Interlocked.Increment(ref _sequence);
        var created = _clock.GetUtcNow().ToUnixTimeSeconds();
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
            ["v1", "invoices"] => Count("invoice", Invoice($"in_{n}", "draft", form.GetValueOrDefault("customer"), Metadata())),
            ["v1", "invoiceitems"] => Count("invoiceitem", Line(form.GetValueOrDefault("invoice") ?? "", new
            {
                id = $"ii_{n}", @object = "invoiceitem", date = created, amount = long.Parse(form.GetValueOrDefault("amount") ?? "0"), invoice = form.GetValueOrDefault("invoice"),
                description = form.GetValueOrDefault("description"), metadata = Metadata(),
            })),
            ["v1", "invoices", var id, "finalize"] => Count("finalize", Invoice(id, "open", null, [])),
            ["v1", "invoices", var id, "send"] => Count("send", Invoice(id, _invoiceStatus.GetValueOrDefault(id, "open"), null, [])),
            ["v1", "account_links"] => Count("account_link", new
            {
                @object = "account_link", created, expires_at = created + 300, url = $"{Address}onboarding/{form.GetValueOrDefault("account")}?return={Uri.EscapeDataString(form.GetValueOrDefault("return_url") ?? "")}",
            }),
            ["v1", "transfers"] => Count("transfer", Transfer(form.GetValueOrDefault("transfer_group") ?? "", new
            {
                id = $"tr_{n}", @object = "transfer", created, amount = long.Parse(form.GetValueOrDefault("amount") ?? "0"), destination = form.GetValueOrDefault("destination"),
                transfer_group = form.GetValueOrDefault("transfer_group"), metadata = Metadata(),
            })),
            _ => null,
        };
        return body is null
            ? (404, JsonSerializer.Serialize(new { error = new { type = "invalid_request_error", message = $"Unrecognized request URL (POST: {path})" } }))
            : (200, JsonSerializer.Serialize(body));
    }

    private object Invoice(string id, string status, string? customer, Dictionary<string, string> metadata)
    {
        _invoiceStatus[id] = status;
        return new { id, @object = "invoice", created = _clock.GetUtcNow().ToUnixTimeSeconds(), status, customer, metadata };
    }

    private object Line(string invoice, object line)
    {
        _lines.Enqueue((invoice, line));
        return line;
    }

    private object Transfer(string group, object transfer)
    {
        _transfers.Enqueue((group, transfer));
        return transfer;
    }

    /// <summary>The reads billing makes: an invoice, its lines, the transfers of a group.</summary>
    private (int Status, string Body) Read(string path, string transferGroup)
    {
        object List(IEnumerable<object> data) => new { @object = "list", data = data.ToList(), has_more = false, url = path };
        var segments = path.Trim('/').Split('/');
        object? body = segments switch
        {
            ["v1", "invoices", var id] when _invoiceStatus.TryGetValue(id, out var status) =>
                new { id, @object = "invoice", created = _clock.GetUtcNow().ToUnixTimeSeconds(), status, metadata = new Dictionary<string, string>() },
            ["v1", "invoices", var id, "lines"] => List(_lines.Where(l => l.Invoice == id).Select(l => (object)ToLineItem(l.Line))),
            ["v1", "transfers"] => List(_transfers.Where(t => t.Group == transferGroup).Select(t => t.Transfer)),
            _ => null,
        };
        return body is null
            ? (404, JsonSerializer.Serialize(new { error = new { type = "invalid_request_error", message = $"No such object: {path}" } }))
            : (200, JsonSerializer.Serialize(body));
    }

    /// <summary>An invoice item as it appears among its invoice's lines: a line item carrying the item's metadata.</summary>
    private static object ToLineItem(object item)
    {
        var json = JsonSerializer.SerializeToElement(item);
        return new
        {
            id = $"il_{json.GetProperty("id").GetString()}", @object = "line_item", amount = json.GetProperty("amount").GetInt64(),
            description = json.GetProperty("description").GetString(), metadata = json.GetProperty("metadata"),
        };
    }

    /// <summary>Forgets every idempotency key, as Stripe does after 24 hours.</summary>
    public void ForgetIdempotencyKeys() => _answers.Clear();

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

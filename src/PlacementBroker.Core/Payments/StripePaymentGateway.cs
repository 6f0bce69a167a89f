using System.Net;
using Microsoft.Extensions.Options;
using Stripe;

namespace PlacementBroker.Core.Payments;

/// <summary>
/// Stripe as the payment gateway. The authority is a Stripe customer; the provider is a connected account (Express,
/// in the UK). Invoices are raised on the platform account and sent to the authority to pay; once paid, the provider's
/// share is transferred to its connected account ("separate charges and transfers"), so the platform can see and hold
/// each payout. Every create call carries an idempotency key from our own ids.
/// </summary>
public sealed class StripePaymentGateway : IPaymentGateway
{
    private const string Currency = "gbp";
    private readonly StripeOptions _options;
    private readonly StripeClient? _client;

    public StripePaymentGateway(IOptions<StripeOptions> options)
    {
        _options = options.Value;
        if (string.IsNullOrWhiteSpace(_options.SecretKey))
        {
            return;
        }
        // One client for the gateway's lifetime (it is a singleton): sockets are pooled, not exhausted.
        var http = new HttpClient();
        http.Timeout = TimeSpan.FromSeconds(Math.Max(1, _options.TimeoutSeconds));
        _client = new StripeClient(new StripeClientOptions
        {
            ApiKey = _options.SecretKey,
            ApiBase = string.IsNullOrWhiteSpace(_options.ApiBase) ? null : _options.ApiBase.TrimEnd('/'),
            HttpClient = new SystemNetHttpClient(http, maxNetworkRetries: Math.Max(0, _options.MaxNetworkRetries)),
        });
    }

    public bool IsConfigured => _client is not null;

    private StripeClient Client => _client ?? throw new PaymentGatewayException("Stripe is not configured: set Stripe:SecretKey.", transient: false);

    public Task<string> CreateCustomerAsync(PaymentCustomer customer, CancellationToken ct = default) => CallAsync(async () =>
        (await Client.V1.Customers.CreateAsync(new CustomerCreateOptions
        {
            Name = customer.Name,
            Email = customer.Email,
            Metadata = new() { ["localAuthorityId"] = customer.LocalAuthorityId.ToString() },
        }, Key(IdempotencyKeys.Customer(customer.LocalAuthorityId)), ct)).Id);

    public Task<string> CreateAccountAsync(PaymentAccount account, CancellationToken ct = default) => CallAsync(async () =>
        (await Client.V1.Accounts.CreateAsync(new AccountCreateOptions
        {
            Type = "express",
            Country = "GB",
            Email = account.Email,
            BusinessProfile = new AccountBusinessProfileOptions { Name = account.Name },
            Capabilities = new AccountCapabilitiesOptions { Transfers = new AccountCapabilitiesTransfersOptions { Requested = true } },
            Metadata = new() { ["providerId"] = account.ProviderId.ToString() },
        }, Key(IdempotencyKeys.Account(account.ProviderId)), ct)).Id);

    public async Task<Uri> OnboardingLinkAsync(string accountId, Uri returnUrl, Uri refreshUrl, CancellationToken ct = default) =>
        new(await CallAsync(async () => (await Client.V1.AccountLinks.CreateAsync(new AccountLinkCreateOptions
        {
            Account = accountId,
            Type = "account_onboarding",
            ReturnUrl = returnUrl.ToString(),
            RefreshUrl = refreshUrl.ToString(),
        }, null, ct)).Url));

    /// <summary>Creates and completes the invoice in one go (<see cref="CreateInvoiceAsync"/>, then <see cref="CompleteInvoiceAsync"/>).</summary>
    public async Task<string> RaiseInvoiceAsync(PaymentInvoice invoice, CancellationToken ct = default)
    {
        var id = await CreateInvoiceAsync(invoice, ct);
        await CompleteInvoiceAsync(id, invoice, ct);
        return id;
    }

    public Task<string> CreateInvoiceAsync(PaymentInvoice invoice, CancellationToken ct = default) => CallAsync(async () =>
    {
        var metadata = new Dictionary<string, string> { ["invoiceId"] = invoice.InvoiceId.ToString() };
        var created = await Client.V1.Invoices.CreateAsync(new InvoiceCreateOptions
        {
            Customer = invoice.CustomerId,
            Currency = Currency,
            CollectionMethod = "send_invoice",
            DaysUntilDue = _options.DaysUntilDue,
            AutoAdvance = false,
            PendingInvoiceItemsBehavior = "exclude",
            Description = invoice.Description,
            Metadata = metadata,
        }, Key(IdempotencyKeys.Invoice(invoice.InvoiceId)), ct);
        return created.Id;
    });

    public Task CompleteInvoiceAsync(string invoiceId, PaymentInvoice invoice, CancellationToken ct = default) => CallAsync(async () =>
    {
        var current = await Client.V1.Invoices.GetAsync(invoiceId, null, null, ct);
        if (current.Status is "paid" or "void" or "uncollectible")
        {
            return invoiceId;
        }
        if (current.Status == "draft")
        {
            // Lines already added by an earlier attempt carry our line id: only the missing ones are added.
            var present = new HashSet<string>();
            await foreach (var existing in Client.V1.Invoices.LineItems.ListAutoPagingAsync(invoiceId, new InvoiceLineItemListOptions { Limit = 100 }, null, ct))
            {
                if (existing.Metadata?.TryGetValue("lineId", out var lineId) == true)
                {
                    present.Add(lineId);
                }
            }
            foreach (var line in invoice.Lines.Where(l => !present.Contains(l.LineId.ToString())))
            {
                await Client.V1.InvoiceItems.CreateAsync(new InvoiceItemCreateOptions
                {
                    Customer = invoice.CustomerId,
                    Invoice = invoiceId,
                Currency = Currency,
                Amount = line.AmountInPence,
                Description = line.Description,
                Period = new InvoiceItemPeriodOptions
                {
                    Start = invoice.PeriodStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                    End = invoice.PeriodEnd.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc),
                },
                    Metadata = new() { ["invoiceId"] = invoice.InvoiceId.ToString(), ["lineId"] = line.LineId.ToString() },
                }, Key(IdempotencyKeys.InvoiceLine(line.LineId)), ct);
            }
            await Client.V1.Invoices.FinalizeInvoiceAsync(invoiceId, new InvoiceFinalizeOptions { AutoAdvance = false }, Key(IdempotencyKeys.Finalise(invoice.InvoiceId)), ct);
        }
        await Client.V1.Invoices.SendInvoiceAsync(invoiceId, new InvoiceSendOptions(), Key(IdempotencyKeys.Send(invoice.InvoiceId)), ct);
        return invoiceId;
    });

    public Task<string> PayOutAsync(PaymentPayout payout, CancellationToken ct = default) => CallAsync(async () =>
    {
        // The transfer group is our invoice id: a payout already made (even one whose answer was lost) is found, not repeated.
        var made = await Client.V1.Transfers.ListAsync(new TransferListOptions { TransferGroup = payout.InvoiceId.ToString(), Limit = 1 }, null, ct);
        if (made.Data.FirstOrDefault() is { } existing)
        {
            return existing.Id;
        }
        return (await Client.V1.Transfers.CreateAsync(new TransferCreateOptions
        {
            Amount = payout.AmountInPence,
            Currency = Currency,
            Destination = payout.AccountId,
            TransferGroup = payout.InvoiceId.ToString(),
            Metadata = new() { ["invoiceId"] = payout.InvoiceId.ToString(), ["stripeInvoiceId"] = payout.StripeInvoiceId ?? "" },
        }, Key(IdempotencyKeys.Payout(payout.InvoiceId)), ct)).Id;
    });

    private static RequestOptions Key(string idempotencyKey) => new() { IdempotencyKey = idempotencyKey };

    /// <summary>Stripe's refusals and failures as one exception: transient (rate limit, 5xx, network, time-out) or not.</summary>
    private static async Task<string> CallAsync(Func<Task<string>> call)
    {
        try
        {
            return await call();
        }
        catch (StripeException e)
        {
            var transient = e.HttpStatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict || (int)e.HttpStatusCode >= 500 || (int)e.HttpStatusCode == 0;
            var message = e.StripeError?.Message ?? e.Message;
            throw new PaymentGatewayException($"Stripe refused the request ({(int)e.HttpStatusCode}{(e.StripeError?.Code is { } code ? $", {code}" : "")}): {message}", transient, e);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException)
        {
            throw new PaymentGatewayException($"Stripe could not be reached: {e.Message}", transient: true, e);
        }
    }
}

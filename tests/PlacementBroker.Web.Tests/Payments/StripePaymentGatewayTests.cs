using Microsoft.Extensions.Options;
using PlacementBroker.Core.Payments;
using PlacementBroker.TestCommon;

namespace PlacementBroker.Web.Tests.Payments;

/// <summary>The Stripe.net adapter against a local stand-in of Stripe's API: what is sent, the idempotency keys, retries and errors.</summary>
public sealed class StripePaymentGatewayTests : IAsyncLifetime
{
    private StripeStandIn _stripe = null!;

    public async Task InitializeAsync() => _stripe = await StripeStandIn.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    private StripePaymentGateway Gateway(int timeoutSeconds = 5, int retries = 1) => new(Options.Create(new StripeOptions
    {
        SecretKey = "sk_test_placementbroker",
        ApiBase = _stripe.Address.ToString(),
        TimeoutSeconds = timeoutSeconds,
        MaxNetworkRetries = retries,
    }));

    private static readonly Guid InvoiceId = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");
    private static readonly Guid LineA = Guid.Parse("0193a1b2-0000-7000-8000-00000000000a");
    private static readonly Guid LineB = Guid.Parse("0193a1b2-0000-7000-8000-00000000000b");

    private static PaymentInvoice Invoice(string customer) => new(InvoiceId, customer, "Pennine Care Homes: placements 1 Nov 2026 to 30 Nov 2026",
        new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30),
        [new PaymentInvoiceLine(LineA, "Spot placement 0000000A at Moor View: 30 days", 2142857), new PaymentInvoiceLine(LineB, "Block contract 0000000B: 2 places", 600000)]);

    [Fact]
    public async Task RaiseInvoice_SendsTheInvoiceItsLinesThenFinalisesAndSendsIt_EachWithOurKey()
    {
        var gateway = Gateway();
        var authority = Guid.NewGuid();
        var provider = Guid.NewGuid();

        var customer = await gateway.CreateCustomerAsync(new PaymentCustomer(authority, "Leeds City Council", "commissioner@leeds.gov.uk"));
        var account = await gateway.CreateAccountAsync(new PaymentAccount(provider, "Pennine Care Homes Ltd", "accounts@pennine.example"));
        var stripeInvoice = await gateway.RaiseInvoiceAsync(Invoice(customer));

        // Before adding lines, the invoice and its lines are read, so a retry adds only what is missing.
        Assert.Equal(["POST /v1/customers", "POST /v1/accounts", "POST /v1/invoices", $"GET /v1/invoices/{stripeInvoice}", $"GET /v1/invoices/{stripeInvoice}/lines",
            "POST /v1/invoiceitems", "POST /v1/invoiceitems", $"POST /v1/invoices/{stripeInvoice}/finalize", $"POST /v1/invoices/{stripeInvoice}/send"],
            _stripe.Requests.Select(r => $"{r.Method} {r.Path}"));
        var requests = _stripe.Requests.Where(r => r.Method == "POST").ToList();
        Assert.All(requests, r => Assert.Equal("Bearer sk_test_placementbroker", r.Authorization));
        Assert.Equal([IdempotencyKeys.Customer(authority), IdempotencyKeys.Account(provider), IdempotencyKeys.Invoice(InvoiceId), IdempotencyKeys.InvoiceLine(LineA),
            IdempotencyKeys.InvoiceLine(LineB), IdempotencyKeys.Finalise(InvoiceId), IdempotencyKeys.Send(InvoiceId)], requests.Select(r => r.IdempotencyKey));
        Assert.Equal("Leeds City Council", requests[0].Form["name"]);
        Assert.Equal(authority.ToString(), requests[0].Form["metadata[localAuthorityId]"]);
        Assert.Equal("express", requests[1].Form["type"]);
        Assert.Equal("GB", requests[1].Form["country"]);
        Assert.StartsWith("acct_", account);
        var invoice = requests[2].Form;
        Assert.Equal(customer, invoice["customer"]);
        Assert.Equal("gbp", invoice["currency"]);
        Assert.Equal("send_invoice", invoice["collection_method"]);
        Assert.Equal("30", invoice["days_until_due"]);
        Assert.Equal(InvoiceId.ToString(), invoice["metadata[invoiceId]"]);
        Assert.Equal("2142857", requests[3].Form["amount"]);
        Assert.Equal(stripeInvoice, requests[3].Form["invoice"]);
        Assert.Equal("gbp", requests[3].Form["currency"]);
        Assert.Equal("600000", requests[4].Form["amount"]);
    }

    [Fact]
    public async Task RaiseInvoice_CalledAgain_StripeSeesTheSameKeysAndCreatesNothingNew()
    {
        var gateway = Gateway();

        var first = await gateway.RaiseInvoiceAsync(Invoice("cus_1"));
        var second = await gateway.RaiseInvoiceAsync(Invoice("cus_1"));

        Assert.Equal(first, second);
        Assert.Equal(1, _stripe.Created("invoice"));
        Assert.Equal(2, _stripe.Created("invoiceitem"));
        Assert.Equal(1, _stripe.Created("finalize"));
    }

    [Fact]
    public async Task CompleteInvoice_RetriedAfterTheKeysExpired_AddsNoLineTwice()
    {
        var gateway = Gateway();
        // The first attempt added both lines, then Stripe refused to finalise; a day later its keys are forgotten.
        var stripeInvoice = await gateway.CreateInvoiceAsync(Invoice("cus_1"));
        _stripe.FailNext($"/v1/invoices/{stripeInvoice}/finalize", 400, "invalid_request_error", "The customer has no email address");
        await Assert.ThrowsAsync<PaymentGatewayException>(() => gateway.CompleteInvoiceAsync(stripeInvoice, Invoice("cus_1")));
        _stripe.ForgetIdempotencyKeys();

        await gateway.CompleteInvoiceAsync(stripeInvoice, Invoice("cus_1"));

        Assert.Equal(1, _stripe.Created("invoice"));
        Assert.Equal(2, _stripe.Created("invoiceitem"));
        Assert.Equal(1, _stripe.Created("finalize"));
        Assert.Equal(1, _stripe.Created("send"));
    }

    [Fact]
    public async Task Payout_AlreadyMade_IsFoundByItsTransferGroupNotRepeated()
    {
        var gateway = Gateway();
        var first = await gateway.PayOutAsync(new PaymentPayout(InvoiceId, "acct_9", 1000, "in_4"));
        _stripe.ForgetIdempotencyKeys();

        var again = await gateway.PayOutAsync(new PaymentPayout(InvoiceId, "acct_9", 1000, "in_4"));

        Assert.Equal(first, again);
        Assert.Equal(1, _stripe.Created("transfer"));
    }

    [Fact]
    public async Task RaiseInvoice_ResponseLostToATimeOut_TheClientRetriesWithTheSameKey_OneInvoice()
    {
        var gateway = Gateway(timeoutSeconds: 1, retries: 2);
        _stripe.DelayNext("/v1/invoices", TimeSpan.FromSeconds(3));

        var raised = await gateway.RaiseInvoiceAsync(Invoice("cus_1"));

        var invoiceCalls = _stripe.Requests.Where(r => r.Method == "POST" && r.Path == "/v1/invoices").ToList();
        Assert.True(invoiceCalls.Count >= 2, "the timed-out request was retried");
        Assert.All(invoiceCalls, r => Assert.Equal(IdempotencyKeys.Invoice(InvoiceId), r.IdempotencyKey));
        Assert.Equal(1, _stripe.Created("invoice"));
        Assert.StartsWith("in_", raised);
    }

    [Fact]
    public async Task Payout_ServerErrorThenSuccess_RetriedWithTheSameKey_OneTransfer()
    {
        var gateway = Gateway(retries: 2);
        _stripe.FailNext("/v1/transfers", 500, method: "POST");

        var transfer = await gateway.PayOutAsync(new PaymentPayout(InvoiceId, "acct_9", 2742857, "in_4"));

        var calls = _stripe.Requests.Where(r => r.Method == "POST" && r.Path == "/v1/transfers").ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal(IdempotencyKeys.Payout(InvoiceId), c.IdempotencyKey));
        Assert.Equal(1, _stripe.Created("transfer"));
        Assert.Equal("2742857", calls[1].Form["amount"]);
        Assert.Equal("acct_9", calls[1].Form["destination"]);
        Assert.StartsWith("tr_", transfer);
    }

    [Fact]
    public async Task Refusal_IsAPaymentGatewayErrorWithStripesMessage_NotWorthRetrying()
    {
        var gateway = Gateway();
        _stripe.FailNext("/v1/customers", 400, "invalid_request_error", "No such customer: 'cus_gone'");

        var error = await Assert.ThrowsAsync<PaymentGatewayException>(() => gateway.CreateCustomerAsync(new PaymentCustomer(Guid.NewGuid(), "Leeds", null)));

        Assert.False(error.Transient);
        Assert.Contains("No such customer: 'cus_gone'", error.Message);
        Assert.Contains("400", error.Message);
        Assert.Equal(0, _stripe.Created("customer"));
    }

    [Fact]
    public async Task ServerErrors_AfterTheRetries_AreTransient()
    {
        var gateway = Gateway(retries: 1);
        _stripe.FailNext("/v1/invoices", 503, method: "POST");
        _stripe.FailNext("/v1/invoices", 503, method: "POST");

        var error = await Assert.ThrowsAsync<PaymentGatewayException>(() => gateway.RaiseInvoiceAsync(Invoice("cus_1")));

        Assert.True(error.Transient);
        Assert.Equal(2, _stripe.Requests.Count(r => r.Method == "POST" && r.Path == "/v1/invoices"));
        Assert.Equal(0, _stripe.Created("invoice"));
    }

    [Fact]
    public async Task Unreachable_IsTransient()
    {
        var gateway = new StripePaymentGateway(Options.Create(new StripeOptions { SecretKey = "sk_test_x", ApiBase = "http://127.0.0.1:9", TimeoutSeconds = 2, MaxNetworkRetries = 0 }));

        var error = await Assert.ThrowsAsync<PaymentGatewayException>(() => gateway.CreateAccountAsync(new PaymentAccount(Guid.NewGuid(), "x", null)));

        Assert.True(error.Transient);
    }

    [Fact]
    public void NoSecretKey_NotConfigured() =>
        Assert.False(new StripePaymentGateway(Options.Create(new StripeOptions())).IsConfigured);
}

namespace PlacementBroker.Core.Payments;

/// <summary>An authority as the payer of invoices.</summary>
public sealed record PaymentCustomer(Guid LocalAuthorityId, string Name, string? Email);

/// <summary>A provider as the payee: an account invoices are paid out to.</summary>
public sealed record PaymentAccount(Guid ProviderId, string Name, string? Email);

public sealed record PaymentInvoiceLine(Guid LineId, string Description, long AmountInPence);

public sealed record PaymentInvoice(
    Guid InvoiceId, string CustomerId, string Description, DateOnly PeriodStart, DateOnly PeriodEnd, IReadOnlyList<PaymentInvoiceLine> Lines);

/// <summary>The provider's share of a paid invoice, moved to its account.</summary>
public sealed record PaymentPayout(Guid InvoiceId, string AccountId, long AmountInPence, string? StripeInvoiceId);

/// <summary>
/// The payment provider, as billing needs it. Every call that creates something carries an idempotency key derived
/// from our own ids (<see cref="IdempotencyKeys"/>), so a retried call, by us or by the client library, never creates
/// or charges twice.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>False when no secret key is configured: invoices are worked out but not raised.</summary>
    bool IsConfigured { get; }

    Task<string> CreateCustomerAsync(PaymentCustomer customer, CancellationToken ct = default);

    Task<string> CreateAccountAsync(PaymentAccount account, CancellationToken ct = default);

    /// <summary>A link, valid for minutes, where the provider gives the payment provider its bank and identity details.</summary>
    Task<Uri> OnboardingLinkAsync(string accountId, Uri returnUrl, Uri refreshUrl, CancellationToken ct = default);

    /// <summary>
    /// Creates the invoice as a draft; returns its id. The caller stores the id at once, so a retry, even after the
    /// provider has forgotten the idempotency key (Stripe keeps them for 24 hours), never creates a second invoice.
    /// </summary>
    Task<string> CreateInvoiceAsync(PaymentInvoice invoice, CancellationToken ct = default);

    /// <summary>
    /// Brings a created invoice to "sent": adds the lines it does not have yet (recognised by our line ids), finalises
    /// it if it is still a draft, and sends it. Safe to call again at any time; a paid or void invoice is left alone.
    /// </summary>
    Task CompleteInvoiceAsync(string invoiceId, PaymentInvoice invoice, CancellationToken ct = default);

    /// <summary>Pays the provider out of a settled invoice, unless a payout for it already exists; returns the transfer id.</summary>
    Task<string> PayOutAsync(PaymentPayout payout, CancellationToken ct = default);
}

/// <summary>The payment provider refused or could not be reached. <see cref="Transient"/>: worth trying again later.</summary>
public sealed class PaymentGatewayException(string message, bool transient, Exception? inner = null) : Exception(message, inner)
{
    public bool Transient { get; } = transient;
}

/// <summary>Idempotency keys from our own ids: the same thing asked for twice has the same key.</summary>
public static class IdempotencyKeys
{
    public static string Customer(Guid localAuthorityId) => $"pb-customer-{localAuthorityId:N}";
    public static string Account(Guid providerId) => $"pb-account-{providerId:N}";
    public static string Invoice(Guid invoiceId) => $"pb-invoice-{invoiceId:N}";
    public static string InvoiceLine(Guid lineId) => $"pb-invoice-line-{lineId:N}";
    public static string Finalise(Guid invoiceId) => $"pb-invoice-finalise-{invoiceId:N}";
    public static string Send(Guid invoiceId) => $"pb-invoice-send-{invoiceId:N}";
    public static string Payout(Guid invoiceId) => $"pb-payout-{invoiceId:N}";
}

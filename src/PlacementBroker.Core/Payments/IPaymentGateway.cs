namespace PlacementBroker.Core.Payments;

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

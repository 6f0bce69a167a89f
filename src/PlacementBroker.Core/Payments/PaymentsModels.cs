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

/// <summary>A payment provider's event as billing needs it.</summary>
public sealed record PaymentEvent(string Id, string Type, DateTime Created, string? StripeInvoiceId, Guid? InvoiceId);

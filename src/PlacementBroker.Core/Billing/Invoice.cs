namespace PlacementBroker.Core.Billing;

/// <summary>What one authority owes one provider for one period.</summary>
public class Invoice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BillingRunId { get; set; }
    public Guid LocalAuthorityId { get; set; }
    public Guid ProviderId { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public decimal Total { get; set; }
    public InvoiceStatus Status { get; set; }
    public string? StripeInvoiceId { get; set; }
    public DateTime? RaisedAt { get; set; }
    /// <summary>Why the last attempt to raise it in Stripe failed, for the billing page; cleared once raised.</summary>
    public string? LastError { get; set; }
    public DateTime? PaidAt { get; set; }
    public DateTime? PaymentFailedAt { get; set; }
    /// <summary>When Stripe created the last event applied to this invoice: an older event arriving later changes nothing.</summary>
    public DateTime? LastEventAt { get; set; }
    /// <summary>The transfer paying the provider its share once the authority has paid.</summary>
    public string? StripeTransferId { get; set; }
    public DateTime? PaidOutAt { get; set; }
    public string? PayoutError { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<InvoiceLine> Lines { get; set; } = [];
}

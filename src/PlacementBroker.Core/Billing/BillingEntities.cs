namespace PlacementBroker.Core.Billing;

public enum BillingRunStatus
{
    /// <summary>Started; some invoices may still be missing (an interrupted run). Running the period again completes it.</summary>
    InProgress,
    /// <summary>Every invoice of the period exists. Running the period again returns this run and creates nothing.</summary>
    Completed,
}

/// <summary>One authority's billing for one period: an invoice per provider it owes.</summary>
public class BillingRun
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid LocalAuthorityId { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }
    public BillingRunStatus Status { get; set; }
    /// <summary>Null when the monthly schedule started it.</summary>
    public Guid? StartedByUserId { get; init; }
    public required DateTime StartedAt { get; init; }
    public DateTime? CompletedAt { get; set; }
    public List<Invoice> Invoices { get; set; } = [];
}

public enum InvoiceStatus
{
    /// <summary>Worked out here, not yet raised in Stripe (Stripe not configured, or the last attempt failed).</summary>
    Draft,
    /// <summary>Raised in Stripe and sent to the authority; awaiting payment.</summary>
    Open,
    Paid,
    PaymentFailed,
}

/// <summary>What one authority owes one provider for one period.</summary>
public class Invoice
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid BillingRunId { get; init; }
    public required Guid LocalAuthorityId { get; init; }
    public required Guid ProviderId { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }
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
    public required DateTime CreatedAt { get; init; }
    public List<InvoiceLine> Lines { get; set; } = [];
}

/// <summary>One placement's or one block contract's charge for the period.</summary>
public class InvoiceLine
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid InvoiceId { get; init; }
    public Guid? PlacementId { get; init; }
    public Guid? BlockContractId { get; init; }
    public required string Description { get; set; }
    /// <summary>Days charged; for an adjustment, the days added (or, negative, taken away).</summary>
    public int Days { get; set; }
    /// <summary>The amount in pounds; an adjustment may be negative (a credit).</summary>
    public decimal Amount { get; set; }
    /// <summary>Set on an adjustment: the earlier billed period it puts right.</summary>
    public DateOnly? AdjustsPeriodStart { get; set; }
    public DateOnly? AdjustsPeriodEnd { get; set; }
}

/// <summary>A Stripe event already handled: its id is the key, so a repeat is recognised and changes nothing.</summary>
public class PaymentEventRecord
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required DateTime ReceivedAt { get; init; }
}

/// <summary>A placement's weekly price changed from a date (spec 8: each day is charged at the price in force).</summary>
public class PlacementPriceChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid PlacementId { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public decimal WeeklyPrice { get; set; }
    public string? Reason { get; set; }
    public required Guid CreatedByUserId { get; init; }
    public required DateTime CreatedAt { get; init; }
}

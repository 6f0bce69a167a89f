namespace PlacementBroker.Core.Billing;

/// <summary>One placement's or one block contract's charge for the period.</summary>
public class InvoiceLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InvoiceId { get; set; }
    public Guid? PlacementId { get; set; }
    public Guid? BlockContractId { get; set; }
    public required string Description { get; set; }
    /// <summary>Days charged; for an adjustment, the days added (or, negative, taken away).</summary>
    public int Days { get; set; }
    /// <summary>The amount in pounds; an adjustment may be negative (a credit).</summary>
    public decimal Amount { get; set; }
    /// <summary>Set on an adjustment: the earlier billed period it puts right.</summary>
    public DateOnly? AdjustsPeriodStart { get; set; }
    public DateOnly? AdjustsPeriodEnd { get; set; }
}

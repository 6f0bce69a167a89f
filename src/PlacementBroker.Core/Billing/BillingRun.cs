namespace PlacementBroker.Core.Billing;

/// <summary>One authority's billing for one period: an invoice per provider it owes.</summary>
public class BillingRun
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LocalAuthorityId { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public BillingRunStatus Status { get; set; }
    /// <summary>Null when the monthly schedule started it.</summary>
    public Guid? StartedByUserId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public List<Invoice> Invoices { get; set; } = [];
}

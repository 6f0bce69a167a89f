namespace PlacementBroker.Core.Billing;

/// <summary>A placement's weekly price changed from a date (spec 8: each day is charged at the price in force).</summary>
public class PlacementPriceChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlacementId { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public decimal WeeklyPrice { get; set; }
    public string? Reason { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

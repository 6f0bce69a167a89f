namespace PlacementBroker.Core.Billing;

/// <summary>A Stripe event already handled: its id is the key, so a repeat is recognised and changes nothing.</summary>
public class PaymentEventRecord
{
    public required string Id { get; set; }
    public required string Type { get; set; }
    public DateTime ReceivedAt { get; set; }
}

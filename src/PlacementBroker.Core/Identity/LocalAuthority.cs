namespace PlacementBroker.Core.Identity;

/// <summary>A council: the tenant. Its officers see only its own children, referrals and placements.</summary>
public class LocalAuthority
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Code { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The authority as a Stripe customer, created the first time it is invoiced.</summary>
    public string? StripeCustomerId { get; set; }
}

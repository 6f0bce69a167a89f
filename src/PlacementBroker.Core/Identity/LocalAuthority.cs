namespace PlacementBroker.Core.Identity;

/// <summary>A council: the tenant. Its officers see only its own children, referrals and placements.</summary>
public class LocalAuthority
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Code { get; set; }
    public required DateTime CreatedAt { get; init; }
    /// <summary>The authority as a Stripe customer, created the first time it is invoiced.</summary>
    public string? StripeCustomerId { get; set; }
}

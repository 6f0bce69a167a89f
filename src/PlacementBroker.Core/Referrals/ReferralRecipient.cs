namespace PlacementBroker.Core.Referrals;

/// <summary>A provider the referral was sent to (every admitted, unsuspended provider of the lot when published).</summary>
public class ReferralRecipient
{
    public Guid ReferralId { get; set; }
    public Guid ProviderId { get; set; }
    public DateTime NotifiedAt { get; set; }
    /// <summary>Whether the provider had an eligible vacancy when the referral was published.</summary>
    public bool Fits { get; set; }
    public DateTime? DeclinedAt { get; set; }
    public DeclineReason? DeclineReason { get; set; }
    public string? DeclineDetail { get; set; }
}

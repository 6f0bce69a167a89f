namespace PlacementBroker.Core.Providers;

/// <summary>An independent fostering agency, children's home group, supported accommodation or school provider.</summary>
public class Provider
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public ProviderType Type { get; set; }
    /// <summary>Companies House or Charity Commission number.</summary>
    public required string RegistrationNumber { get; set; }
    public required string ContactEmail { get; set; }
    public Guid? GroupId { get; set; }
    public ProviderGroup? Group { get; set; }
    public DateTime RegisteredAt { get; set; }
    /// <summary>Alert live for every referral received, not only those that fit the provider's vacancies. The inbox always holds all.</summary>
    public bool AlertForEveryReferral { get; set; }
    /// <summary>The provider's Stripe connected account, created the first time it is invoiced for.</summary>
    public string? StripeAccountId { get; set; }
    /// <summary>
    /// When the organisation was verified: its first user confirmed their email address, or a platform admin vouched for it.
    /// Until then it may set itself up but may not apply to a lot, receive referrals or read councils' data.
    /// </summary>
    public DateTime? VerifiedAt { get; set; }
    public ProviderVerificationMethod? VerifiedBy { get; set; }
    /// <summary>The platform admin who verified the organisation, or the first user who confirmed their address.</summary>
    public Guid? VerifiedByUserId { get; set; }
    /// <summary>When <see cref="ContactEmail"/> was confirmed by the link sent to it; until then nothing is delivered to it.</summary>
    public DateTime? ContactEmailConfirmedAt { get; set; }
    public List<Setting> Settings { get; set; } = [];
}

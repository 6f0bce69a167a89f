namespace PlacementBroker.Core.Referrals;

/// <summary>A provider's answer to a referral: a place on one of its vacancies at a weekly price.</summary>
public class Offer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReferralId { get; set; }
    public Referral? Referral { get; set; }
    public Guid ProviderId { get; set; }
    public Guid VacancyId { get; set; }
    public Guid SettingId { get; set; }
    public decimal WeeklyPrice { get; set; }
    public DateOnly StartDate { get; set; }
    public string? Notes { get; set; }
    public bool IncludesEducation { get; set; }
    public bool IncludesTherapy { get; set; }
    public decimal? OneToOneHoursPerWeek { get; set; }
    public OfferStatus Status { get; set; }
    /// <summary>The client's Idempotency-Key: the same key from the same provider returns the same offer.</summary>
    public string? IdempotencyKey { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

namespace PlacementBroker.Core.Referrals;

public enum Urgency
{
    /// <summary>Same day.</summary>
    Emergency,
    /// <summary>Within 72 hours.</summary>
    Urgent,
    Planned,
}

public enum PlacementDuration
{
    Emergency,
    ShortTerm,
    LongTerm,
    Respite,
    Remand,
}

public enum ReferralStatus
{
    Draft,
    Open,
    Placed,
    Withdrawn,
    Unfilled,
}

/// <summary>
/// A placing officer's request for a placement. The child's identifying details stay with the authority; providers
/// see an anonymised profile until their offer is accepted.
/// </summary>
public class Referral
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid LocalAuthorityId { get; init; }
    public required Guid CreatedByUserId { get; init; }
    public Guid LotId { get; set; }
    public Urgency Urgency { get; set; }
    public DateOnly StartDate { get; set; }
    public PlacementDuration Duration { get; set; }
    public ReferralStatus Status { get; set; }

    public required string ChildReference { get; set; }
    public required string ChildFirstName { get; set; }
    public required string ChildLastName { get; set; }
    public DateOnly ChildDateOfBirth { get; set; }
    public Gender ChildGender { get; set; }
    public int SiblingGroupSize { get; set; } = 1;
    /// <summary>Every need of the child; those also in <see cref="MustHaveNeeds"/> are hard requirements, the rest are weighed.</summary>
    public List<Need> Needs { get; set; } = [];
    public List<Need> MustHaveNeeds { get; set; } = [];
    /// <summary>Follows the needs (<see cref="NeedsBands"/>); stored so prices can be compared within a band in the database.</summary>
    public NeedsBand NeedsBand
    {
        get => NeedsBands.For(Needs);
        private set { }
    }
    public string? WishesAndFeelings { get; set; }
    public string? LegalStatus { get; set; }
    public string? RiskSummary { get; set; }
    public string? CulturalNeeds { get; set; }
    /// <summary>
    /// What every provider the referral is sent to reads about the child beyond the anonymised profile: risks, behaviours,
    /// wishes and feelings, education and health, in words that identify no one (checked against the child's name, date
    /// of birth and case reference when saved).
    /// </summary>
    public string? ProviderSummary { get; set; }

    public required string HomePostcode { get; set; }
    public double? HomeLatitude { get; set; }
    public double? HomeLongitude { get; set; }
    public double MaxDistanceMiles { get; set; }
    public bool OutOfAreaRequired { get; set; }
    public decimal WeeklyBudget { get; set; }
    public DateTime OfferDeadline { get; set; }
    /// <summary>Made out of hours and recorded afterwards: the start date lies in the past.</summary>
    public bool Retrospective { get; set; }

    public required DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedReason { get; set; }
    public DateTime? DeadlineAlertedAt { get; set; }
    public DateTime? EscalatedAt { get; set; }
    /// <summary>The referral this one re-broadcasts with widened criteria.</summary>
    public Guid? PreviousReferralId { get; set; }
    /// <summary>When the retention purge replaced the child's identity on this closed, unplaced referral (see <c>RetentionPurgeJob</c>).</summary>
    public DateTime? AnonymisedAt { get; set; }

    public List<ReferralRecipient> Recipients { get; set; } = [];
}

/// <summary>A provider the referral was sent to (every admitted, unsuspended provider of the lot when published).</summary>
public class ReferralRecipient
{
    public required Guid ReferralId { get; init; }
    public required Guid ProviderId { get; init; }
    public required DateTime NotifiedAt { get; init; }
    /// <summary>Whether the provider had an eligible vacancy when the referral was published.</summary>
    public bool Fits { get; set; }
    public DateTime? DeclinedAt { get; set; }
    public DeclineReason? DeclineReason { get; set; }
    public string? DeclineDetail { get; set; }
}

public enum DeclineReason
{
    NoSuitableVacancy,
    CannotMeetNeeds,
    ImpactOnOtherChildren,
    RiskTooHigh,
    LocationUnsuitable,
    StartDateNotPossible,
    PriceBelowCost,
    OutsideRegistration,
    Other,
}

public enum OfferStatus
{
    Submitted,
    Withdrawn,
    PendingApproval,
    Accepted,
    NotSelected,
    Rejected,
}

/// <summary>A provider's answer to a referral: a place on one of its vacancies at a weekly price.</summary>
public class Offer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ReferralId { get; init; }
    public Referral? Referral { get; set; }
    public required Guid ProviderId { get; init; }
    public required Guid VacancyId { get; init; }
    public required Guid SettingId { get; init; }
    public decimal WeeklyPrice { get; set; }
    public DateOnly StartDate { get; set; }
    public string? Notes { get; set; }
    public bool IncludesEducation { get; set; }
    public bool IncludesTherapy { get; set; }
    public decimal? OneToOneHoursPerWeek { get; set; }
    public OfferStatus Status { get; set; }
    /// <summary>The client's Idempotency-Key: the same key from the same provider returns the same offer.</summary>
    public string? IdempotencyKey { get; init; }
    public required Guid CreatedByUserId { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>When the officer shortlisted the offer: its provider then sees the documents shared at shortlisting.</summary>
    public DateTime? ShortlistedAt { get; set; }
    public Guid? ShortlistedByUserId { get; set; }
}

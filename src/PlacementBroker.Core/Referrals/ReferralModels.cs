namespace PlacementBroker.Core.Referrals;

public sealed record ChildInput(
    string? Reference, string? FirstName, string? LastName, DateOnly? DateOfBirth, Gender? Gender, int? SiblingGroupSize,
    List<Need>? Needs, List<Need>? MustHaveNeeds, string? WishesAndFeelings, string? LegalStatus = null, string? RiskSummary = null,
    string? CulturalNeeds = null);

public sealed record CreateReferralRequest(
    Guid? LotId, Urgency? Urgency, DateOnly? StartDate, PlacementDuration? Duration, ChildInput? Child, string? HomePostcode,
    double? HomeLatitude, double? HomeLongitude, double? MaxDistanceMiles, decimal? WeeklyBudget, DateTime? OfferDeadline,
    bool? Draft = null, bool? OutOfAreaRequired = null, string? ProviderSummary = null);

/// <summary>Widened criteria for a referral that went unfilled.</summary>
public sealed record RebroadcastRequest(Guid? LotId, double? MaxDistanceMiles, decimal? WeeklyBudget, DateTime? OfferDeadline, bool? OutOfAreaRequired);

public sealed record SubmitOfferRequest(
    Guid? VacancyId, decimal? WeeklyPrice, DateOnly? StartDate, string? Notes, bool? IncludesEducation = null, bool? IncludesTherapy = null,
    decimal? OneToOneHoursPerWeek = null);

public sealed record DeclineRequest(DeclineReason? Reason, string? Detail = null);

/// <summary>A provider's decline of a referral, as the referral's authority reads it.</summary>
public sealed record DeclineView(string ProviderName, DeclineReason Reason, string? Detail, DateTime DeclinedAt);

public sealed record ReferralCreated(Guid Id, ReferralStatus Status, int ProvidersNotified);

public sealed record ChildView(
    string Reference, string FirstName, string LastName, DateOnly DateOfBirth, int AgeYears, Gender Gender, int SiblingGroupSize,
    IReadOnlyList<Need> Needs, IReadOnlyList<Need> MustHaveNeeds, string? WishesAndFeelings, string? LegalStatus, string? RiskSummary,
    string? CulturalNeeds);

/// <summary>The referral as its own authority sees it: identifying details included, so every read is audited.</summary>
public sealed record ReferralView(
    Guid Id, Guid LocalAuthorityId, Guid CreatedByUserId, Guid LotId, string LotName, Urgency Urgency, DateOnly StartDate,
    PlacementDuration Duration, ReferralStatus Status, ChildView Child, string HomePostcode, string Area, double? HomeLatitude,
    double? HomeLongitude, double MaxDistanceMiles, bool OutOfAreaRequired, decimal WeeklyBudget, DateTime OfferDeadline, bool Retrospective,
    DateTime CreatedAt, DateTime? PublishedAt, DateTime? ClosedAt, string? ClosedReason, int ProvidersNotified, int Offers, int Declines,
    Guid? PreviousReferralId)
{
    /// <summary>What every provider the referral is sent to reads beyond the anonymised profile.</summary>
    public string? ProviderSummary { get; init; }
}

/// <summary>What a provider sees: never the name, date of birth, reference or full postcode.</summary>
public sealed record ProviderReferralView(
    Guid Id, Guid LotId, string LotName, Urgency Urgency, DateOnly StartDate, PlacementDuration Duration, int AgeYears, Gender Gender,
    int SiblingGroupSize, IReadOnlyList<Need> Needs, IReadOnlyList<Need> MustHaveNeeds, string Area, DateTime OfferDeadline,
    ReferralStatus Status, bool Fits, IReadOnlyList<Guid> MatchingVacancyIds, bool Declined, DeclineReason? DeclineReason,
    IReadOnlyList<ProviderOfferSummary> MyOffers, DateTime ReceivedAt)
{
    /// <summary>The officer's summary for providers: risks, behaviours, wishes and feelings, education and health, identifying no one.</summary>
    public string? ProviderSummary { get; init; }
    /// <summary>What the provider may see (spec 12): the referral and summary; the shortlisted documents too; or all, once placed.</summary>
    public Sharing.SharingStage Stage { get; init; }
}

public sealed record ProviderOfferSummary(Guid Id, Guid VacancyId, decimal WeeklyPrice, OfferStatus Status)
{
    public bool Shortlisted { get; init; }
}

public sealed record ExplanationView(string Criterion, int Points, string Text);

public sealed record MatchView(
    Guid VacancyId, Guid ProviderId, string ProviderName, Guid SettingId, string SettingName, string Area, decimal WeeklyPrice,
    double? DistanceMiles, int Rank, int Score, bool Eligible, IReadOnlyList<string> Exclusions, bool RequiresApproval,
    IReadOnlyList<string> ApprovalReasons, IReadOnlyList<ExplanationView> Explanation)
{
    public OfstedGrade OfstedGrade { get; init; }
    /// <summary>False while the provider's declared grade is not yet confirmed by Ofsted's register.</summary>
    public bool OfstedGradeConfirmed { get; init; } = true;
    public OfstedGrade? DeclaredOfstedGrade { get; init; }
}

/// <summary>
/// The potential matches, and how many vacancies they were chosen from: when more vacancies qualified than matching
/// considers, the nearest <paramref name="VacanciesConsidered"/> of <paramref name="VacanciesFound"/> were ranked.
/// </summary>
public sealed record PotentialMatchesView(List<MatchView> Matches, int VacanciesConsidered, int VacanciesFound)
{
    public bool Cut => VacanciesFound > VacanciesConsidered;
}

/// <summary>An offer its provider withdrew, as the referral's officer is told of it.</summary>
public sealed record WithdrawnOfferView(Guid Id, string ProviderName, string SettingName, decimal WeeklyPrice, DateTime WithdrawnAt);

public sealed record OfferView(
    Guid Id, Guid ReferralId, Guid ProviderId, string ProviderName, Guid SettingId, string SettingName, Guid VacancyId, decimal WeeklyPrice,
    DateOnly StartDate, string? Notes, bool IncludesEducation, bool IncludesTherapy, decimal? OneToOneHoursPerWeek, OfferStatus Status,
    int Rank, int Score, bool Eligible, IReadOnlyList<string> Exclusions, bool RequiresApproval, IReadOnlyList<string> ApprovalReasons,
    IReadOnlyList<ExplanationView> Explanation, double? DistanceMiles, OfstedGrade OfstedGrade, DateTime CreatedAt,
    Guid? SuggestedBlockContractId = null)
{
    /// <summary>False while the provider's declared grade is not yet confirmed by Ofsted's register; <see cref="OfstedGrade"/> is the one ranked.</summary>
    public bool OfstedGradeConfirmed { get; init; } = true;
    public OfstedGrade? DeclaredOfstedGrade { get; init; }
    /// <summary>Not eligible only for rules a placement manager may waive (a must-have need, the start date): the officer may ask for an exception.</summary>
    public bool ExceptionPossible { get; init; }
    /// <summary>The weekly price reference the offer is judged against (the benchmark, else the upper quartile), when there is one.</summary>
    public decimal? Benchmark { get; init; }
    /// <summary>The latest manager's decision asked for on this offer, when there was one.</summary>
    public Guid? ApprovalId { get; init; }
    public Placements.ApprovalStatus? ApprovalStatus { get; init; }
    public string? ApprovalDecisionReason { get; init; }
    /// <summary>The placement made from this offer, once accepted.</summary>
    public Guid? PlacementId { get; init; }
    /// <summary>Whether the officer shortlisted it: its provider sees the documents shared at shortlisting.</summary>
    public bool Shortlisted { get; init; }
}

/// <summary>How one of a provider's vacancies fits a referral: the must-have needs it does not meet, and every rule it breaks.</summary>
public sealed record VacancyFit(Guid VacancyId, bool Fits, IReadOnlyList<Need> MissingMustHaveNeeds, IReadOnlyList<string> Reasons);

public sealed record OfferCreated(Guid Id, OfferStatus Status, bool Replayed);

public sealed record ReferralSummary(
    Guid Id, string ChildReference, Guid LotId, Urgency Urgency, DateOnly StartDate, ReferralStatus Status, DateTime OfferDeadline,
    Guid CreatedByUserId, int Offers, int ProvidersNotified);

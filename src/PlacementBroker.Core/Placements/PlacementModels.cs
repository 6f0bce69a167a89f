namespace PlacementBroker.Core.Placements;

/// <param name="Reason">
/// Why the officer asks for a manager's approval, shown to the manager. Needed for an exception (an offer that is not
/// eligible only for a rule a manager may waive); optional otherwise.
/// </param>
public sealed record AcceptRequest(PlacementKind? Kind, Guid? BlockContractId, string? Reason = null);

public sealed record AcceptResult(Guid? PlacementId, Guid? ApprovalId, string Status, IReadOnlyList<string> Reasons);

public sealed record ApprovalDecisionRequest(ApprovalDecision? Decision, string? Reason);

public sealed record ApprovalResult(ApprovalStatus Status, Guid? PlacementId);

public sealed record EndPlacementRequest(DateOnly? EndDate, PlacementEndReason? Reason, string? Notes = null);

public sealed record CreateBlockContractRequest(
    Guid? ProviderId, Guid? LotId, Guid? SettingId, int? Places, decimal? WeeklyPricePerPlace, DateOnly? StartDate, DateOnly? EndDate);

public sealed record ApprovalView(
    Guid Id, Guid ReferralId, string ChildReference, Guid OfferId, string ProviderName, string SettingName, decimal WeeklyPrice, PlacementKind Kind,
    IReadOnlyList<string> Reasons, string? OfstedReportUrl, ApprovalStatus Status, DateTime RequestedAt, string RequestedBy, DateTime? DecidedAt,
    string? DecisionReason, Guid? PlacementId)
{
    /// <summary>The child's name, shown with the case reference to the authority's own staff (an audited identity read).</summary>
    public string ChildName { get; init; } = "";
    /// <summary>Why the officer asked for the placement.</summary>
    public string? RequestReason { get; init; }
    /// <summary>Asked as an exception to a rule a manager may waive (a must-have need, the start date).</summary>
    public bool Exception { get; init; }
}

public sealed record PlacementChild(string Reference, string FirstName, string LastName, DateOnly DateOfBirth, Gender Gender, IReadOnlyList<Need> Needs);

public sealed record PlacementView(
    Guid Id, Guid ReferralId, Guid OfferId, Guid LocalAuthorityId, string LocalAuthorityName, Guid ProviderId, string ProviderName,
    string ProviderRegistrationNumber, Guid SettingId, string SettingName, string SettingOfstedUrn, string SettingPostcode, OfstedGrade SettingGrade,
    PlacementKind Kind, Guid? BlockContractId, PlacementStatus Status, int Places, decimal WeeklyPrice, DateOnly StartDate, DateOnly? EndDate,
    PlacementEndReason? EndReason, bool Retrospective, bool IncludesEducation, bool IncludesTherapy, decimal? OneToOneHoursPerWeek, string? OfferNotes,
    PlacementChild? Child, DateTime CreatedAt)
{
    /// <summary>The agreement's reference ("PB-2026-000123"), given when the placement was made.</summary>
    public string AgreementReference { get; init; } = "";
    /// <summary>True when <see cref="SettingPostcode"/> holds only the district (see <see cref="Providers.AddressDisclosure"/>).</summary>
    public bool SettingPostcodeIsDistrict { get; init; }
    /// <summary>False while <see cref="SettingGrade"/> stands on the provider's declaration, not yet confirmed by Ofsted's register.</summary>
    public bool OfstedGradeConfirmed { get; init; } = true;
    public OfstedGrade? DeclaredOfstedGrade { get; init; }
}

/// <summary>Who to contact about a placement: a name and an email address.</summary>
public sealed record PlacementContact(string Name, string? Email);

/// <summary>
/// The Individual Placement Agreement as its parties read it: the placement with the child, its human-readable
/// reference, the child's risks and legal status, the notice period and both parties' contacts.
/// </summary>
public sealed record PlacementAgreementView(
    PlacementView Placement, string Reference, string? Risks, string? LegalStatus, PlacementContact Provider, PlacementContact PlacingOfficer, int NoticeDays);

public sealed record BlockContractView(
    Guid Id, Guid ProviderId, string ProviderName, Guid LotId, string LotName, Guid? SettingId, int Places, int Occupied, int VoidPlaces,
    decimal WeeklyPricePerPlace, decimal WeeklyVoidCost, decimal OccupancyPercent, DateOnly StartDate, DateOnly EndDate);

/// <summary>What one run of the placement sweep did.</summary>
public sealed record PlacementSweepResult(int EndsCompleted, int HoldsReleased);

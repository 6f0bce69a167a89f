namespace PlacementBroker.Core.Placements;

public enum PlacementKind
{
    /// <summary>Individually purchased at the offered weekly price.</summary>
    Spot,
    /// <summary>A place inside a block contract the authority has already bought.</summary>
    Block,
}

public enum PlacementStatus
{
    Active,
    Ended,
}

public enum PlacementEndReason
{
    PlannedMove,
    Disruption,
    ReturnedHome,
    AdoptionOrSpecialGuardianship,
    TurnedEighteen,
    Other,
}

/// <summary>A child placed with a provider: where money is committed.</summary>
public class Placement
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ReferralId { get; init; }
    public Referrals.Referral? Referral { get; set; }
    /// <summary>The agreement's reference ("PB-2026-000123"), given when the placement is made: see <see cref="AgreementReference"/>.</summary>
    public string Reference { get; set; } = "";
    public required Guid OfferId { get; init; }
    public required Guid LocalAuthorityId { get; init; }
    public required Guid ProviderId { get; init; }
    public required Guid SettingId { get; init; }
    public required Guid VacancyId { get; init; }
    public Guid? BlockContractId { get; init; }
    public PlacementKind Kind { get; set; }
    public PlacementStatus Status { get; set; }
    /// <summary>Places taken: the sibling group placed together.</summary>
    public int Places { get; set; } = 1;
    public decimal WeeklyPrice { get; set; }
    public DateOnly StartDate { get; set; }
    /// <summary>The day the child leaves (the place is free from that day). A date still to come while <see cref="Status"/> is active is a planned end.</summary>
    public DateOnly? EndDate { get; set; }
    public PlacementEndReason? EndReason { get; set; }
    public string? EndNotes { get; set; }
    public bool Retrospective { get; set; }
    public Guid? ApprovalId { get; init; }
    public required Guid CreatedByUserId { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime? EndedAt { get; set; }
    public Guid? EndedByUserId { get; set; }
}

public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,
}

public enum ApprovalDecision
{
    Approve,
    Reject,
}

/// <summary>An offer that needs a placement manager's approval before it becomes a placement (spec 5.4). The place is held meanwhile.</summary>
public class Approval
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid OfferId { get; init; }
    public required Guid ReferralId { get; init; }
    public required Guid LocalAuthorityId { get; init; }
    public PlacementKind Kind { get; set; }
    public Guid? BlockContractId { get; init; }
    public List<string> Reasons { get; set; } = [];
    /// <summary>The places held for this decision on the offer's vacancy: the referral's sibling group. Released when it is decided or closed.</summary>
    public int PlacesHeld { get; set; }
    /// <summary>Where the setting's Ofsted reports are, for a setting graded below good.</summary>
    public string? OfstedReportUrl { get; set; }
    public ApprovalStatus Status { get; set; }
    public required Guid RequestedByUserId { get; init; }
    public required DateTime RequestedAt { get; init; }
    /// <summary>Why the placing officer asks for the placement: shown to the manager who decides.</summary>
    public string? RequestReason { get; set; }
    /// <summary>
    /// True when the offer breaks a rule a manager may waive (a must-have need or the start date): the officer asks for an
    /// exception, and the decision does not refuse it for those rules.
    /// </summary>
    public bool Exception { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
    public Guid? PlacementId { get; set; }
}

/// <summary>
/// Places an authority has bought in advance from a provider, in a lot, at a weekly price per place. The terms can be
/// varied from a date (<see cref="Uplifts.BlockContractVariation"/>): <see cref="WeeklyPricePerPlace"/> is the price in
/// force today, <see cref="Places"/> the places that can be filled (today's, or fewer when a reduction is coming), and
/// billing charges each day on the terms of that day.
/// </summary>
public class BlockContract
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid LocalAuthorityId { get; init; }
    public required Guid ProviderId { get; init; }
    public required Guid LotId { get; init; }
    public Guid? SettingId { get; init; }
    public int Places { get; set; }
    /// <summary>Places occupied now. Changed only by conditional updates, so it never exceeds <see cref="Places"/>.</summary>
    public int PlacesTaken { get; set; }
    public decimal WeeklyPricePerPlace { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>The terms the contract started on, kept when it is first varied (until then they are the fields above).</summary>
    public int? FirstPlaces { get; set; }
    public decimal? FirstWeeklyPricePerPlace { get; set; }
    public required Guid CreatedByUserId { get; init; }
    public required DateTime CreatedAt { get; init; }
}

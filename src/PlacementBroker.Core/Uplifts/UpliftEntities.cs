namespace PlacementBroker.Core.Uplifts;

/// <summary>
/// A DPS's yearly fee-uplift round (spec 11): the lead authority opens it with a window, an effective date and guidance;
/// providers with placements or block contracts in scope request an uplift; commissioners decide each request.
/// </summary>
public class UpliftRound
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid DpsId { get; init; }
    public required string Name { get; set; }
    /// <summary>The first and last days (England's dates, both included) on which providers may submit a request.</summary>
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    /// <summary>The day agreed prices start: never inside a period already billed.</summary>
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>The uplift the commissioners expect, as a percent, when they give one.</summary>
    public decimal? GuidancePercent { get; set; }
    /// <summary>The guidance in words: the cost indices it rests on (CPI, the National Living Wage) and what a request should show.</summary>
    public string? Guidance { get; set; }
    /// <summary>The lots in scope; empty for every lot of the DPS.</summary>
    public List<Guid> LotIds { get; set; } = [];
    public required Guid CreatedByUserId { get; init; }
    public required DateTime CreatedAt { get; init; }
}

public enum UpliftRoundStatus
{
    /// <summary>Opened by the commissioners; the window has not started.</summary>
    Upcoming,
    /// <summary>Providers may submit requests today.</summary>
    Open,
    /// <summary>The window has passed; requests are being decided, or all are.</summary>
    Closed,
}

public enum UpliftRequestStatus
{
    /// <summary>The provider is still writing it; commissioners do not see it.</summary>
    Draft,
    Submitted,
    Accepted,
    PartAccepted,
    Refused,
}

public enum UpliftDecision
{
    Accept,
    PartAccept,
    Refuse,
}

/// <summary>The cost headings of a request's breakdown.</summary>
public enum CostCategory
{
    Staffing,
    Premises,
    Education,
    Therapy,
    ManagementAndOverheads,
    Other,
}

/// <summary>A provider's request in a round: one per provider and round.</summary>
public class UpliftRequest
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid UpliftRoundId { get; init; }
    public required Guid ProviderId { get; init; }
    public UpliftRequestStatus Status { get; set; }
    public decimal? RequestedPercent { get; set; }
    public string? Justification { get; set; }
    public List<UpliftCostLine> CostLines { get; set; } = [];
    public DateTime? SubmittedAt { get; set; }
    public Guid? SubmittedByUserId { get; set; }
    /// <summary>The uplift agreed: the requested one when accepted, the commissioners' figure when part-accepted, 0 when refused.</summary>
    public decimal? AgreedPercent { get; set; }
    public string? DecisionReason { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedByUserId { get; set; }
    /// <summary>Placements and block contracts the decision re-priced.</summary>
    public int PriceChanges { get; set; }
    public required DateTime CreatedAt { get; init; }
    /// <summary>Changes on every save: two people changing one request at once cannot both win.</summary>
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One heading of a request's cost breakdown: last year's cost and next year's, in pounds.</summary>
public class UpliftCostLine
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UpliftRequestId { get; init; }
    public CostCategory Category { get; set; }
    public decimal LastYear { get; set; }
    public decimal NextYear { get; set; }
}

public enum VariationKind
{
    PriceChange,
    AdditionalSupport,
    ChangeOfSetting,
    Other,
}

/// <summary>
/// A variation of an Individual Placement Agreement: a price change (by an uplift decision or by a placement manager),
/// additional support, a change of setting or another agreed change, dated from the day it applies.
/// </summary>
public class PlacementVariation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid PlacementId { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required VariationKind Kind { get; init; }
    public decimal? WeeklyPriceBefore { get; init; }
    public decimal? WeeklyPriceAfter { get; init; }
    public required string Reason { get; init; }
    /// <summary>Who agreed it, and for which organisation, as they were named when it was agreed.</summary>
    public required Guid AgreedByUserId { get; init; }
    public required string AgreedByName { get; init; }
    public required string AgreedFor { get; init; }
    /// <summary>The uplift request whose decision made it, for a price change by uplift.</summary>
    public Guid? UpliftRequestId { get; init; }
    public required DateTime RecordedAt { get; init; }
}

/// <summary>
/// A change to a block contract from a date: the price per place, the number of places, or both (a null part is
/// unchanged). The contract's terms on a day are its first terms with every variation dated on or before it applied in
/// date order, so a change recorded later but dated earlier never undoes one dated after it.
/// </summary>
public class BlockContractVariation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid BlockContractId { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public int? Places { get; init; }
    public decimal? WeeklyPricePerPlace { get; init; }
    public required string Reason { get; init; }
    public required Guid AgreedByUserId { get; init; }
    public required string AgreedByName { get; init; }
    public Guid? UpliftRequestId { get; init; }
    public required DateTime RecordedAt { get; init; }
}

namespace PlacementBroker.Core.Uplifts;

public sealed record CreateUpliftRoundRequest(
    string? Name, DateOnly? OpensOn, DateOnly? ClosesOn, DateOnly? EffectiveFrom, decimal? GuidancePercent = null, string? Guidance = null, List<Guid>? LotIds = null);

public sealed record CostLineInput(CostCategory? Category, decimal? LastYear, decimal? NextYear);

/// <summary>A provider's request: <c>providerId</c> names the caller's own organisation.</summary>
public sealed record UpliftRequestInput(Guid? ProviderId, decimal? RequestedPercent, List<CostLineInput>? CostBreakdown, string? Justification);

public sealed record UpliftDecisionRequest(UpliftDecision? Decision, decimal? AgreedPercent, string? Reason);

public sealed record UpliftDecisionResult(Guid Id, UpliftRequestStatus Status, decimal AgreedPercent, int PriceChanges);

/// <summary>A request as a line of the round: what the commissioners' queue shows.</summary>
public sealed record UpliftRequestSummary(
    Guid Id, Guid ProviderId, string ProviderName, decimal? RequestedPercent, UpliftRequestStatus Status, decimal? AgreedPercent, DateTime? SubmittedAt,
    decimal AnnualSpendBefore, decimal AnnualSpendAfter, int Placements, int BlockContracts);

/// <summary>One lot's or the whole round's figures: requests received and decided, the uplift agreed weighted by spend, the year's spend before and after.</summary>
public sealed record UpliftCost(
    Guid? LotId, string Name, int RequestsReceived, int RequestsDecided, decimal? WeightedAverageAgreedPercent, decimal AnnualSpendBefore, decimal AnnualSpendAfter);

public sealed record UpliftRoundView(
    Guid Id, Guid DpsId, string DpsName, string Name, DateOnly OpensOn, DateOnly ClosesOn, DateOnly EffectiveFrom, decimal? GuidancePercent, string? Guidance,
    IReadOnlyList<Guid> LotIds, IReadOnlyList<string> LotNames, UpliftRoundStatus Status, bool Lead, int ProvidersInScope,
    IReadOnlyList<UpliftRequestSummary> Requests, decimal AnnualSpendBefore, decimal AnnualSpendAfter, decimal? WeightedAverageAgreedPercent,
    IReadOnlyList<UpliftCost> Lots);

/// <summary>A round as a line of a list; for a provider, with its own request's state.</summary>
public sealed record UpliftRoundSummary(
    Guid Id, Guid DpsId, string DpsName, string Name, DateOnly OpensOn, DateOnly ClosesOn, DateOnly EffectiveFrom, decimal? GuidancePercent,
    UpliftRoundStatus Status, int RequestsReceived, int RequestsDecided, Guid? MyRequestId = null, UpliftRequestStatus? MyRequestStatus = null, bool InScope = true);

public sealed record CostLineView(CostCategory Category, decimal LastYear, decimal NextYear, decimal? ChangePercent);

/// <summary>A placement or block contract a decision re-prices, with its price before and (once decided) after.</summary>
public sealed record InScopeItem(
    Guid? PlacementId, Guid? BlockContractId, string Reference, string LocalAuthorityName, string LotName, string SettingName, int Places,
    decimal WeeklyPriceBefore, decimal? WeeklyPriceAfter, decimal AnnualSpendBefore);

/// <summary>Where one of the provider's prices sits in its market: the lot's quartiles for the needs band and region, or the widest market with enough prices.</summary>
public sealed record PriceContext(
    Guid PlacementId, string Reference, string LotName, NeedsBand Band, EnglishRegion? Region, decimal WeeklyPrice, string Market, int Sample,
    decimal? P25, decimal? Median, decimal? P75, string Position);

/// <summary>What the provider charges each council of the DPS for its active spot placements.</summary>
public sealed record CouncilPrices(Guid LocalAuthorityId, string LocalAuthorityName, int Placements, decimal AverageWeeklyPrice, decimal MinWeeklyPrice, decimal MaxWeeklyPrice);

public sealed record KpiRecordLine(string Quarter, string StatusText, bool BelowTarget, bool Overdue);

public sealed record BenchmarkContext(
    IReadOnlyList<PriceContext> Prices, IReadOnlyList<CouncilPrices> Councils, string QaStatus, IReadOnlyList<string> QaReasons, int OpenQaFlags,
    IReadOnlyList<KpiRecordLine> KpiReturns, bool OpenImprovementPlan);

public sealed record UpliftRequestView(
    Guid Id, Guid RoundId, string RoundName, Guid DpsId, string DpsName, DateOnly OpensOn, DateOnly ClosesOn, DateOnly EffectiveFrom, decimal? GuidancePercent,
    string? Guidance, UpliftRoundStatus RoundStatus, Guid ProviderId, string ProviderName, UpliftRequestStatus Status, decimal? RequestedPercent,
    IReadOnlyList<CostLineView> CostBreakdown, string? Justification, DateTime? SubmittedAt, decimal? AgreedPercent, string? DecisionReason,
    DateTime? DecidedAt, string? DecidedBy, int PriceChanges, IReadOnlyList<InScopeItem> InScope, decimal AnnualSpendBefore, decimal AnnualSpendAfter,
    BenchmarkContext? Benchmarks, bool CanDecide, DateTime UpdatedAt);

public sealed record VariationView(
    Guid Id, DateOnly Date, VariationKind Kind, decimal? WeeklyPriceBefore, decimal? WeeklyPriceAfter, string Reason, string AgreedBy, string AgreedFor,
    Guid? UpliftRequestId, DateTime RecordedAt);

public sealed record RecordVariationRequest(DateOnly? Date, VariationKind? Kind, string? Reason, decimal? WeeklyPriceAfter = null);

public sealed record VaryBlockContractRequest(DateOnly? EffectiveFrom, int? Places, decimal? WeeklyPricePerPlace, string? Reason);

public sealed record BlockVariationView(
    Guid Id, DateOnly EffectiveFrom, int PlacesBefore, int PlacesAfter, decimal WeeklyPricePerPlaceBefore, decimal WeeklyPricePerPlaceAfter, string Reason,
    string AgreedBy, Guid? UpliftRequestId, DateTime RecordedAt);

public sealed record BlockContractTermsView(
    Guid Id, Guid ProviderId, string ProviderName, Guid LotId, string LotName, DateOnly StartDate, DateOnly EndDate, int Places, int PlacesTaken,
    int FillablePlaces, decimal WeeklyPricePerPlace, decimal WeeklyVoidCost, IReadOnlyList<BlockTerms> Terms, IReadOnlyList<BlockVariationView> Variations);

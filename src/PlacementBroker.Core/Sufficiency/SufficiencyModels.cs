namespace PlacementBroker.Core.Sufficiency;

public enum SufficiencyScope
{
    /// <summary>The caller's own authority.</summary>
    Authority,
    /// <summary>Every authority of the DPSs the caller's authority leads.</summary>
    Dps,
}

public sealed record SufficiencyQuery(DateOnly From, DateOnly To, Guid? LotId, SufficiencyScope Scope);

public sealed record Count(string Key, string Label, int Value);

public sealed record Demand(int Referrals, IReadOnlyList<Count> ByLot, IReadOnlyList<Count> ByNeed, IReadOnlyList<Count> ByAgeBand,
    IReadOnlyList<Count> ByUrgency, IReadOnlyList<Count> ByMonth);

public sealed record Supply(int AdmittedProviders, int OpenVacancies, int OpenPlaces, IReadOnlyList<Count> VacanciesByLot, IReadOnlyList<Count> VacanciesByArea);

public sealed record Outcomes(
    int Placed, int Unfilled, int Withdrawn, int StillOpen, decimal PlacedPercent, decimal UnfilledPercent, decimal? MedianHoursToFirstOffer,
    decimal? MedianHoursToPlacement, decimal OffersPerReferral, int ReferralsWithNoOffer, IReadOnlyList<Count> DeclinesByReason);

public sealed record Quartiles(decimal? P25, decimal? Median, decimal? P75, int Count);

public sealed record Price(Quartiles AcceptedWeeklyPrice, decimal? Benchmark, decimal WeeklySpendSpot, decimal WeeklySpendBlock);

public sealed record Quality(int Placements, decimal? GoodOrOutstandingPercent);

public sealed record Locality(int PlacementsWithDistance, decimal? Within20MilesPercent, decimal? MedianDistanceMiles);

public sealed record BlockContracts(int Contracts, int Places, int Occupied, decimal? OccupancyPercent, int VoidPlaces, decimal WeeklyVoidCost);

public sealed record UnmetNeed(string Need, string Label, int Referrals, int Placed, decimal? FillRatePercent);

public sealed record AuthorityPrice(Guid LocalAuthorityId, string LocalAuthority, decimal MedianWeeklyPrice, int Placements);

/// <summary>One provider charging the authorities of a DPS different prices in the same lot.</summary>
public sealed record PriceDisparity(Guid ProviderId, string Provider, Guid LotId, string Lot, decimal LowestMedian, decimal HighestMedian, decimal SpreadPercent,
    IReadOnlyList<AuthorityPrice> Authorities);

public sealed record SufficiencyReport(
    DateOnly From, DateOnly To, Guid? LotId, SufficiencyScope Scope, Demand Demand, Supply Supply, Outcomes Outcomes, Price Price,
    Quality Quality, Locality Locality, BlockContracts BlockContracts, IReadOnlyList<UnmetNeed> UnmetNeeds, IReadOnlyList<PriceDisparity> PriceDisparities);

public sealed record StartStatementRequest(DateOnly? PeriodFrom, DateOnly? PeriodTo, string? Title);

public sealed record StatementCommentary(
    string? Title, string? Introduction, string? DemandCommentary, string? SupplyCommentary, string? OutcomesCommentary, string? PriceCommentary,
    string? QualityCommentary, string? CommissioningIntentions);

public sealed record StatementSummary(Guid Id, string Title, DateOnly PeriodFrom, DateOnly PeriodTo, StatementStatus Status, DateTime UpdatedAt, DateTime? PublishedAt);

public sealed record StatementView(
    Guid Id, string Title, string LocalAuthority, DateOnly PeriodFrom, DateOnly PeriodTo, StatementStatus Status, DateTime UpdatedAt, DateTime? PublishedAt,
    string? PublishedBy, StatementCommentary Commentary, SufficiencyReport Figures);

public sealed record ProviderPerformance(
    Guid ProviderId, string ProviderName, int ReferralsReceived, int Responded, decimal? ResponseRatePercent, decimal? MedianResponseHours,
    int Offers, int OffersAccepted, decimal? AcceptanceRatePercent, int Placements, int PlacementsEnded, int DisruptionsWithin12Weeks,
    int QaFlagsOpen, int QaFlagsRaised, int QaVisits, DateOnly? LastQaVisit);

namespace PlacementBroker.Core.Matching;

public enum QaStatus
{
    Green,
    Amber,
    Red,
}

/// <summary>What a referral asks for, as the matching engine needs it.</summary>
public sealed record ReferralCriteria(
    Guid LotId,
    int AgeYears,
    Gender Gender,
    int SiblingGroupSize,
    IReadOnlySet<Need> MustHaveNeeds,
    IReadOnlySet<Need> NiceToHaveNeeds,
    double? HomeLatitude,
    double? HomeLongitude,
    double MaxDistanceMiles,
    bool OutOfAreaRequired,
    /// <summary>The referral's weekly budget for the whole sibling group together; weekly prices are per child.</summary>
    decimal WeeklyBudget,
    DateOnly StartDate,
    /// <summary>The lot's placement type, for the law on age; null when not known.</summary>
    PlacementType? PlacementType = null)
{
    /// <summary>The budget's share for one child, to set beside a weekly price per child.</summary>
    public decimal WeeklyBudgetPerChild => WeeklyBudget / Math.Max(1, SiblingGroupSize);
}

/// <summary>A vacancy, or an offer on one, as the engine sees it.</summary>
public sealed record MatchCandidate(
    Guid Id,
    Guid ProviderId,
    Guid SettingId,
    Guid LotId,
    bool ProviderAdmittedToLot,
    QaStatus QaStatus,
    int Places,
    int RegisteredPlaces,
    int AgeMin,
    int AgeMax,
    IReadOnlyCollection<Gender> Genders,
    IReadOnlyCollection<Need> NeedsMet,
    OfstedGrade OfstedGrade,
    double? Latitude,
    double? Longitude,
    decimal WeeklyPrice,
    DateOnly AvailableFrom,
    /// <summary>The share of referrals this provider answered, 0 to 1, when it has a record.</summary>
    double? ResponseRate = null,
    /// <summary>The share of its placements that did not break down within 12 weeks, 0 to 1, when it has placements.</summary>
    double? Stability = null,
    /// <summary>The setting's region, for regional price benchmarks.</summary>
    EnglishRegion? Region = null);

/// <summary>
/// A price reference: the upper quartile of accepted prices when there are enough, else the commissioner's benchmark.
/// <paramref name="Scope"/> names the narrower market the quartiles come from ("complex needs in the North West");
/// null for the whole lot.
/// </summary>
public sealed record PriceBenchmark(decimal? Benchmark, decimal? UpperQuartile, string Source, bool QuartilesFromAcceptedPrices = false, string? Scope = null);

/// <summary>
/// The price references for one referral's offers: one per region where that region's market has enough accepted
/// prices, and one for everywhere else. Settings in different regions are judged against their own region's prices.
/// </summary>
public sealed class PriceBenchmarkTable(PriceBenchmark elsewhere, IReadOnlyDictionary<EnglishRegion, PriceBenchmark>? byRegion = null)
{
    public PriceBenchmark Elsewhere { get; } = elsewhere;
    public IReadOnlyDictionary<EnglishRegion, PriceBenchmark> ByRegion { get; } = byRegion ?? new Dictionary<EnglishRegion, PriceBenchmark>();

    public PriceBenchmark For(EnglishRegion? region) => region is { } r && ByRegion.TryGetValue(r, out var benchmark) ? benchmark : Elsewhere;

    public static implicit operator PriceBenchmarkTable(PriceBenchmark single) => new(single);
}

public enum Criterion
{
    Needs,
    OfstedGrade,
    Price,
    Distance,
    QaStatus,
    TrackRecord,
}

public sealed record Explanation(Criterion Criterion, int Points, string Text);

public enum HardRule
{
    NotAdmittedToLot,
    QaSuspended,
    CapacityTooSmall,
    AgeNotAccepted,
    GenderNotAccepted,
    MustHaveNeedNotMet,
    TooFarFromHome,
    StartDateNotMet,
    /// <summary>The law on age: supported accommodation is for 16- and 17-year-olds only.</summary>
    UnlawfulForAge,
}

public sealed record MatchResult(
    MatchCandidate Candidate,
    bool Eligible,
    IReadOnlyList<(HardRule Rule, string Text)> Exclusions,
    int Score,
    IReadOnlyList<Explanation> Explanation,
    bool RequiresApproval,
    IReadOnlyList<string> ApprovalReasons,
    double? DistanceMiles,
    int Rank = 0);

/// <summary>How much each criterion counts, per DPS. Each weight scales that criterion's maximum points.</summary>
public sealed record RankingWeights(double Needs = 1, double OfstedGrade = 1, double Price = 1, double Distance = 1, double QaStatus = 1, double TrackRecord = 1)
{
    public static readonly RankingWeights Default = new();
}

/// <summary>
/// The potential matches, and the cut if there was one: <paramref name="VacanciesConsidered"/> nearest of
/// <paramref name="VacanciesFound"/> vacancies of the lot (within the search area) were ranked.
/// </summary>
public sealed record PotentialMatches(IReadOnlyList<MatchResult> Matches, int VacanciesConsidered, int VacanciesFound)
{
    public bool Cut => VacanciesFound > VacanciesConsidered;
}

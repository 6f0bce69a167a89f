using System.Globalization;

namespace PlacementBroker.Core.Matching;

/// <summary>
/// One engine for the officer's potential matches (vacancies) and the ranked offers. Hard rules (spec 5.2)
/// decide eligibility; soft rules (5.3) score, each criterion explained in plain words, the points adding up
/// to the score; exceptions needing a manager (5.4) rank after everything that needs none; ties break by
/// price, then distance, then id, so the order is the same every time.
/// </summary>
public static class MatchingEngine
{
    public const int NeedsPoints = 25;
    public const int GradePoints = 20;
    public const int PricePoints = 20;
    public const int DistancePoints = 20;
    public const int QaPoints = 10;
    public const int TrackRecordPoints = 5;

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// The hard rules a placement manager may waive as an exception, with the officer's reason: a must-have need the
    /// setting says it cannot meet, or a start later than asked. Capacity, the lot, quality assurance and the law are never waived.
    /// </summary>
    public static bool ManagerMayWaive(HardRule rule) => rule is HardRule.MustHaveNeedNotMet or HardRule.StartDateNotMet;

    /// <param name="distanceIsHardRule">
    /// True for potential matches: a vacancy beyond the maximum distance is not shown. False for offers: a
    /// provider's offer from further away is still shown, but needs a manager's approval (spec 5.4).
    /// </param>
    public static MatchResult Evaluate(ReferralCriteria referral, MatchCandidate candidate, PriceBenchmark benchmark,
        RankingWeights? weights = null, bool distanceIsHardRule = true)
    {
        weights ??= RankingWeights.Default;
        var miles = MilesFromHome(referral, candidate);
        var beyondMaximum = !referral.OutOfAreaRequired && miles > referral.MaxDistanceMiles;

        var exclusions = new List<(HardRule, string)>();
        if (!candidate.ProviderAdmittedToLot || candidate.LotId != referral.LotId)
        {
            exclusions.Add((HardRule.NotAdmittedToLot, "The provider is not admitted to this lot, or is suspended from it"));
        }
        if (candidate.QaStatus == QaStatus.Red)
        {
            exclusions.Add((HardRule.QaSuspended, "The provider is suspended by quality assurance (red)"));
        }
        if (candidate.Places < referral.SiblingGroupSize || candidate.RegisteredPlaces < referral.SiblingGroupSize)
        {
            exclusions.Add((HardRule.CapacityTooSmall, $"Has {candidate.Places} place{(candidate.Places == 1 ? "" : "s")} for a sibling group of {referral.SiblingGroupSize}"));
        }
        if (referral.PlacementType is { } placementType && PlacementLaw.ChildAgeRefusal(placementType, referral.AgeYears) is { } unlawful)
        {
            exclusions.Add((HardRule.UnlawfulForAge, unlawful));
        }
        if (referral.AgeYears < candidate.AgeMin || referral.AgeYears > candidate.AgeMax)
        {
            exclusions.Add((HardRule.AgeNotAccepted, $"Takes ages {candidate.AgeMin} to {candidate.AgeMax}; the child is {referral.AgeYears}"));
        }
        if (!candidate.Genders.Contains(referral.Gender))
        {
            exclusions.Add((HardRule.GenderNotAccepted, $"Does not accept {Words.InSentence(referral.Gender)} children"));
        }
        var missing = referral.MustHaveNeeds.Where(n => !candidate.NeedsMet.Contains(n)).ToList();
        if (missing.Count > 0)
        {
            exclusions.Add((HardRule.MustHaveNeedNotMet, $"Cannot meet: {Words.InSentence(missing)}"));
        }
        if (distanceIsHardRule && beyondMaximum)
        {
            exclusions.Add((HardRule.TooFarFromHome, $"{miles:0.#} miles from home, beyond the {referral.MaxDistanceMiles:0.#} mile maximum"));
        }
        if (candidate.AvailableFrom > referral.StartDate)
        {
            exclusions.Add((HardRule.StartDateNotMet, $"Available from {candidate.AvailableFrom.ToString("d MMMM", Uk)}, after the required start of {referral.StartDate.ToString("d MMMM", Uk)}"));
        }

        var explanation = new List<Explanation>
        {
            ScoreNeeds(referral, candidate, weights.Needs),
            ScoreGrade(candidate.OfstedGrade, weights.OfstedGrade),
            ScorePrice(referral, candidate.WeeklyPrice, benchmark, weights.Price),
            ScoreDistance(referral, miles, weights.Distance),
            ScoreQa(candidate.QaStatus, weights.QaStatus),
            ScoreTrackRecord(candidate.ResponseRate, candidate.Stability, weights.TrackRecord),
        };

        var approvals = new List<string>();
        if (candidate.OfstedGrade.IsBelowGood())
        {
            approvals.Add($"The setting is graded {Words.Name(candidate.OfstedGrade)} by Ofsted");
        }
        if (candidate.QaStatus == QaStatus.Amber)
        {
            approvals.Add("The provider's quality assurance status is amber");
        }
        var ceiling = benchmark.UpperQuartile ?? benchmark.Benchmark;
        if (ceiling is { } upper && candidate.WeeklyPrice > upper)
        {
            var what = !benchmark.QuartilesFromAcceptedPrices ? "the lot's price ceiling"
                : benchmark.Scope is { } scope ? $"the upper quartile for {scope}" : "the lot's upper quartile";
            approvals.Add($"{Money(candidate.WeeklyPrice)} a week is above {what} of {Money(upper)}");
        }
        // Prices are per child and the budget is for the whole sibling group: like is compared with like.
        var children = Math.Max(1, referral.SiblingGroupSize);
        var groupPrice = candidate.WeeklyPrice * children;
        if (groupPrice > referral.WeeklyBudget)
        {
            approvals.Add(children == 1
                ? $"{Money(candidate.WeeklyPrice)} a week is above the referral's budget of {Money(referral.WeeklyBudget)}"
                : $"{Money(groupPrice)} a week for the {children} children ({Money(candidate.WeeklyPrice)} each) is above the referral's budget of {Money(referral.WeeklyBudget)} a week for the group");
        }
        if (beyondMaximum)
        {
            approvals.Add($"{miles:0.#} miles from home, beyond the referral's maximum of {referral.MaxDistanceMiles:0.#} miles");
        }

        return new MatchResult(candidate, exclusions.Count == 0, exclusions, explanation.Sum(e => e.Points), explanation,
            approvals.Count > 0, approvals, miles);
    }

    /// <param name="benchmarks">Each candidate is judged against the benchmark for its setting's region.</param>
    /// <param name="limit">
    /// The most results wanted, best first (all when null). Every candidate is judged and scored, cheaply and without
    /// words; only the results returned are explained (<see cref="Evaluate"/>), so the order, ranks and results are
    /// those of explaining every candidate, at a fraction of the cost.
    /// </param>
    public static IReadOnlyList<MatchResult> Rank(ReferralCriteria referral, IEnumerable<MatchCandidate> candidates, PriceBenchmarkTable benchmarks,
        RankingWeights? weights = null, bool distanceIsHardRule = true, int? limit = null)
    {
        weights ??= RankingWeights.Default;
        var all = candidates as IReadOnlyList<MatchCandidate> ?? [.. candidates];
        var judged = new Judged[all.Count];
        var lawful = referral.PlacementType is not { } placementType || PlacementLaw.ChildAgeRefusal(placementType, referral.AgeYears) is null;
        for (var i = 0; i < all.Count; i++)
        {
            judged[i] = Judge(referral, all[i], benchmarks.For(all[i].Region), weights, distanceIsHardRule, lawful, i);
        }
        // The order of explaining every candidate: eligible first, then those needing no approval, the higher score,
        // the lower price, the nearer, the lower id; then the order given, as a stable sort would keep it.
        Array.Sort(judged, static (a, b) =>
        {
            var c = b.Eligible.CompareTo(a.Eligible);
            if (c == 0) c = a.RequiresApproval.CompareTo(b.RequiresApproval);
            if (c == 0) c = b.Score.CompareTo(a.Score);
            if (c == 0) c = a.Price.CompareTo(b.Price);
            if (c == 0) c = a.Miles.CompareTo(b.Miles);
            if (c == 0) c = a.Id.CompareTo(b.Id);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });
        var count = limit is { } most ? Math.Clamp(most, 0, judged.Length) : judged.Length;
        var ranked = new List<MatchResult>(count);
        for (var i = 0; i < count; i++)
        {
            var candidate = all[judged[i].Index];
            ranked.Add(Evaluate(referral, candidate, benchmarks.For(candidate.Region), weights, distanceIsHardRule) with { Rank = i + 1 });
        }
        return ranked;
    }

    /// <summary>
    /// Whether the candidate passes every hard rule: <see cref="Evaluate"/>'s eligibility, without explaining anything.
    /// </summary>
    public static bool IsEligible(ReferralCriteria referral, MatchCandidate candidate, bool distanceIsHardRule = true) =>
        (referral.PlacementType is not { } placementType || PlacementLaw.ChildAgeRefusal(placementType, referral.AgeYears) is null)
        && PassesHardRules(referral, candidate, MilesFromHome(referral, candidate), distanceIsHardRule);

    /// <summary>What ranking needs of one candidate: the same eligibility, approval and score as <see cref="Evaluate"/>, with no words.</summary>
    private readonly record struct Judged(int Index, bool Eligible, bool RequiresApproval, int Score, decimal Price, double Miles, Guid Id);

    private static Judged Judge(ReferralCriteria referral, MatchCandidate candidate, PriceBenchmark benchmark, RankingWeights weights,
        bool distanceIsHardRule, bool lawful, int index)
    {
        var miles = MilesFromHome(referral, candidate);
        var eligible = lawful && PassesHardRules(referral, candidate, miles, distanceIsHardRule);
        var score = NeedsScore(referral, candidate, weights.Needs, out _)
            + Points(GradePoints, weights.OfstedGrade, GradeShare(candidate.OfstedGrade))
            + PriceScore(candidate.WeeklyPrice, PriceReference(referral, benchmark), weights.Price)
            + DistanceScore(referral, miles, weights.Distance)
            + QaScore(candidate.QaStatus, weights.QaStatus)
            + TrackRecordScore(candidate.ResponseRate, candidate.Stability, weights.TrackRecord);
        var beyondMaximum = !referral.OutOfAreaRequired && miles > referral.MaxDistanceMiles;
        var ceiling = benchmark.UpperQuartile ?? benchmark.Benchmark;
        var requiresApproval = candidate.OfstedGrade.IsBelowGood()
            || candidate.QaStatus == QaStatus.Amber
            || (ceiling is { } upper && candidate.WeeklyPrice > upper)
            || candidate.WeeklyPrice * Math.Max(1, referral.SiblingGroupSize) > referral.WeeklyBudget
            || beyondMaximum;
        return new Judged(index, eligible, requiresApproval, score, candidate.WeeklyPrice, miles ?? double.MaxValue, candidate.Id);
    }

    /// <summary>Every hard rule of <see cref="Evaluate"/> but the law on age, which depends on the referral alone.</summary>
    private static bool PassesHardRules(ReferralCriteria referral, MatchCandidate candidate, double? miles, bool distanceIsHardRule)
    {
        if (!candidate.ProviderAdmittedToLot || candidate.LotId != referral.LotId || candidate.QaStatus == QaStatus.Red
            || candidate.Places < referral.SiblingGroupSize || candidate.RegisteredPlaces < referral.SiblingGroupSize
            || referral.AgeYears < candidate.AgeMin || referral.AgeYears > candidate.AgeMax
            || !candidate.Genders.Contains(referral.Gender)
            || (distanceIsHardRule && !referral.OutOfAreaRequired && miles > referral.MaxDistanceMiles)
            || candidate.AvailableFrom > referral.StartDate)
        {
            return false;
        }
        foreach (var need in referral.MustHaveNeeds)
        {
            if (!candidate.NeedsMet.Contains(need))
            {
                return false;
            }
        }
        return true;
    }

    private static double? MilesFromHome(ReferralCriteria referral, MatchCandidate candidate) =>
        referral.HomeLatitude is { } hLat && referral.HomeLongitude is { } hLon && candidate.Latitude is { } lat && candidate.Longitude is { } lon
            ? Math.Round(Distance.Miles(hLat, hLon, lat, lon), 1)
            : null;

    private static int NeedsScore(ReferralCriteria referral, MatchCandidate candidate, double weight, out int met)
    {
        met = 0;
        if (referral.NiceToHaveNeeds.Count == 0)
        {
            return Points(NeedsPoints, weight, 1);
        }
        foreach (var need in referral.NiceToHaveNeeds)
        {
            if (candidate.NeedsMet.Contains(need))
            {
                met++;
            }
        }
        return Points(NeedsPoints, weight, (double)met / referral.NiceToHaveNeeds.Count);
    }

    private static double GradeShare(OfstedGrade grade) => grade switch
    {
        OfstedGrade.Outstanding => 1.0,
        OfstedGrade.Good => 0.75,
        OfstedGrade.NotGraded => 0.5,
        OfstedGrade.NotYetInspected => 0.3,
        OfstedGrade.RequiresImprovement => 0.15,
        _ => 0,
    };

    /// <summary>The price a weekly price per child is compared with: the benchmark, else the budget per child.</summary>
    private static decimal PriceReference(ReferralCriteria referral, PriceBenchmark benchmark) =>
        benchmark.Benchmark ?? (referral.SiblingGroupSize > 1 ? decimal.Round(referral.WeeklyBudgetPerChild, 2) : referral.WeeklyBudget);

    // 30% below the reference earns every point; 30% above earns none.
    private static int PriceScore(decimal price, decimal reference, double weight) =>
        reference <= 0 ? 0 : Points(PricePoints, weight, Math.Clamp((1.3 - (double)(price / reference)) / 0.6, 0, 1));

    private static int DistanceScore(ReferralCriteria referral, double? miles, double weight) =>
        referral.OutOfAreaRequired ? Points(DistancePoints, weight, 0.5)
        : miles is null ? 0
        : Points(DistancePoints, weight, Math.Clamp(1 - miles.Value / Math.Max(referral.MaxDistanceMiles, 1), 0, 1));

    private static int QaScore(QaStatus status, double weight) => status == QaStatus.Green ? Points(QaPoints, weight, 1) : 0;

    private static int TrackRecordScore(double? responseRate, double? stability, double weight) =>
        responseRate is null && stability is null ? Points(TrackRecordPoints, weight, 0.5)
        : Points(TrackRecordPoints, weight, 0.6 * Math.Clamp(responseRate ?? 0.5, 0, 1) + 0.4 * Math.Clamp(stability ?? 0.5, 0, 1));

    /// <summary>
    /// Points for the needs that are not must-haves. The words never contradict eligibility: a must-have need the
    /// candidate cannot meet is named first, so "meets every need" is only said of a candidate that does.
    /// </summary>
    private static Explanation ScoreNeeds(ReferralCriteria referral, MatchCandidate candidate, double weight)
    {
        var missing = referral.MustHaveNeeds.Where(n => !candidate.NeedsMet.Contains(n)).OrderBy(n => n).ToList();
        var unmet = missing.Count == 0 ? "" : $"Does not meet the must-have {(missing.Count == 1 ? "need" : "needs")} {Words.InSentence(missing)}; ";
        var points = NeedsScore(referral, candidate, weight, out var met);
        if (referral.NiceToHaveNeeds.Count == 0)
        {
            return new(Criterion.Needs, points, missing.Count == 0
                ? $"Meets every need asked for ({Plus(points)})"
                : $"{unmet}no other needs asked for ({Plus(points)})");
        }
        return new(Criterion.Needs, points, missing.Count == 0
            ? $"Meets {met} of {referral.NiceToHaveNeeds.Count} other needs ({Plus(points)})"
            : $"{unmet}meets {met} of {referral.NiceToHaveNeeds.Count} other needs ({Plus(points)})");
    }

    private static Explanation ScoreGrade(OfstedGrade grade, double weight)
    {
        var points = Points(GradePoints, weight, GradeShare(grade));
        var text = grade switch
        {
            OfstedGrade.NotGraded => "Not graded by Ofsted (supported accommodation)",
            OfstedGrade.NotYetInspected => "Not yet inspected by Ofsted",
            _ => $"{Words.Name(grade)} Ofsted grade",
        };
        return new(Criterion.OfstedGrade, points, $"{text} ({Plus(points)})");
    }

    private static Explanation ScorePrice(ReferralCriteria referral, decimal price, PriceBenchmark benchmark, double weight)
    {
        // Both sides per child: a sibling group's budget is shared between its children.
        var (reference, what) = benchmark.Benchmark is { } b ? (b, benchmark.Scope is { } scope ? $"the median for {scope}" : "the lot benchmark")
            : referral.SiblingGroupSize > 1 ? (decimal.Round(referral.WeeklyBudgetPerChild, 2), "the budget per child") : (referral.WeeklyBudget, "the budget");
        if (reference <= 0)
        {
            return new(Criterion.Price, 0, $"No benchmark or budget to compare the price with ({Words.ScorePoints(0)})");
        }
        var points = PriceScore(price, reference, weight);
        var difference = price - reference;
        var text = difference == 0 ? $"Priced at {what}" : $"{Money(Math.Abs(difference))} {(difference < 0 ? "below" : "above")} {what}";
        return new(Criterion.Price, points, $"{text} ({Plus(points)})");
    }

    private static Explanation ScoreDistance(ReferralCriteria referral, double? miles, double weight)
    {
        if (referral.OutOfAreaRequired)
        {
            var neutral = DistanceScore(referral, miles, weight);
            return new(Criterion.Distance, neutral, $"Out of area is required, so distance is not scored for closeness ({Plus(neutral)})");
        }
        if (miles is null)
        {
            return new(Criterion.Distance, 0, $"Distance from home unknown ({Words.ScorePoints(0)})");
        }
        var points = DistanceScore(referral, miles, weight);
        var within = miles <= 20 ? ", within 20 miles" : "";
        return new(Criterion.Distance, points, $"{miles:0.#} miles from home{within} ({Plus(points)})");
    }

    private static Explanation ScoreQa(QaStatus status, double weight)
    {
        var points = QaScore(status, weight);
        return new(Criterion.QaStatus, points, status == QaStatus.Green
            ? $"Quality assurance green ({Plus(points)})"
            : $"Quality assurance {Words.InSentence(status)} ({Plus(points)})");
    }

    /// <summary>Responsiveness and placement stability: answering referrals counts 60%, placements lasting past 12 weeks 40%.</summary>
    private static Explanation ScoreTrackRecord(double? responseRate, double? stability, double weight)
    {
        if (responseRate is null && stability is null)
        {
            var neutral = TrackRecordScore(responseRate, stability, weight);
            return new(Criterion.TrackRecord, neutral, $"No track record on the platform yet ({Plus(neutral)})");
        }
        var points = TrackRecordScore(responseRate, stability, weight);
        var parts = new List<string>();
        if (responseRate is { } rate)
        {
            parts.Add($"answers {rate.ToString("P0", Uk)} of referrals");
        }
        if (stability is { } stable)
        {
            parts.Add($"{stable.ToString("P0", Uk)} of placements last past 12 weeks");
        }
        var text = string.Join("; ", parts);
        return new(Criterion.TrackRecord, points, $"{char.ToUpperInvariant(text[0])}{text[1..]} ({Plus(points)})");
    }

    private static int Points(int max, double weight, double share) => (int)Math.Round(max * weight * share, MidpointRounding.AwayFromZero);

    private static string Plus(int points) => Words.ScorePoints(points);

    private static string Money(decimal amount) => amount.ToString("C0", Uk);
}

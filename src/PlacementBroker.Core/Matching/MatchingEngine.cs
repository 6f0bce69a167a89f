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
        double? miles = referral.HomeLatitude is { } hLat && referral.HomeLongitude is { } hLon && candidate.Latitude is { } lat && candidate.Longitude is { } lon
            ? Math.Round(Distance.Miles(hLat, hLon, lat, lon), 1)
            : null;
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
    public static IReadOnlyList<MatchResult> Rank(ReferralCriteria referral, IEnumerable<MatchCandidate> candidates, PriceBenchmarkTable benchmarks,
        RankingWeights? weights = null, bool distanceIsHardRule = true) =>
        candidates.Select(c => Evaluate(referral, c, benchmarks.For(c.Region), weights, distanceIsHardRule))
            .OrderByDescending(m => m.Eligible)
            .ThenBy(m => m.RequiresApproval)
            .ThenByDescending(m => m.Score)
            .ThenBy(m => m.Candidate.WeeklyPrice)
            .ThenBy(m => m.DistanceMiles ?? double.MaxValue)
            .ThenBy(m => m.Candidate.Id)
            .Select((m, i) => m with { Rank = i + 1 })
            .ToList();

    /// <summary>
    /// Points for the needs that are not must-haves. The words never contradict eligibility: a must-have need the
    /// candidate cannot meet is named first, so "meets every need" is only said of a candidate that does.
    /// </summary>
    private static Explanation ScoreNeeds(ReferralCriteria referral, MatchCandidate candidate, double weight)
    {
        var missing = referral.MustHaveNeeds.Where(n => !candidate.NeedsMet.Contains(n)).OrderBy(n => n).ToList();
        var unmet = missing.Count == 0 ? "" : $"Does not meet the must-have {(missing.Count == 1 ? "need" : "needs")} {Words.InSentence(missing)}; ";
        if (referral.NiceToHaveNeeds.Count == 0)
        {
            var all = Points(NeedsPoints, weight, 1);
            return new(Criterion.Needs, all, missing.Count == 0
                ? $"Meets every need asked for ({Plus(all)})"
                : $"{unmet}no other needs asked for ({Plus(all)})");
        }
        var met = referral.NiceToHaveNeeds.Count(candidate.NeedsMet.Contains);
        var points = Points(NeedsPoints, weight, (double)met / referral.NiceToHaveNeeds.Count);
        return new(Criterion.Needs, points, missing.Count == 0
            ? $"Meets {met} of {referral.NiceToHaveNeeds.Count} other needs ({Plus(points)})"
            : $"{unmet}meets {met} of {referral.NiceToHaveNeeds.Count} other needs ({Plus(points)})");
    }

    private static Explanation ScoreGrade(OfstedGrade grade, double weight)
    {
        var share = grade switch
        {
            OfstedGrade.Outstanding => 1.0,
            OfstedGrade.Good => 0.75,
            OfstedGrade.NotGraded => 0.5,
            OfstedGrade.NotYetInspected => 0.3,
            OfstedGrade.RequiresImprovement => 0.15,
            _ => 0,
        };
        var points = Points(GradePoints, weight, share);
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
        // 30% below the reference earns every point; 30% above earns none.
        var ratio = (double)(price / reference);
        var points = Points(PricePoints, weight, Math.Clamp((1.3 - ratio) / 0.6, 0, 1));
        var difference = price - reference;
        var text = difference == 0 ? $"Priced at {what}" : $"{Money(Math.Abs(difference))} {(difference < 0 ? "below" : "above")} {what}";
        return new(Criterion.Price, points, $"{text} ({Plus(points)})");
    }

    private static Explanation ScoreDistance(ReferralCriteria referral, double? miles, double weight)
    {
        if (referral.OutOfAreaRequired)
        {
            var neutral = Points(DistancePoints, weight, 0.5);
            return new(Criterion.Distance, neutral, $"Out of area is required, so distance is not scored for closeness ({Plus(neutral)})");
        }
        if (miles is null)
        {
            return new(Criterion.Distance, 0, $"Distance from home unknown ({Words.ScorePoints(0)})");
        }
        var horizon = Math.Max(referral.MaxDistanceMiles, 1);
        var points = Points(DistancePoints, weight, Math.Clamp(1 - miles.Value / horizon, 0, 1));
        var within = miles <= 20 ? ", within 20 miles" : "";
        return new(Criterion.Distance, points, $"{miles:0.#} miles from home{within} ({Plus(points)})");
    }

    private static Explanation ScoreQa(QaStatus status, double weight)
    {
        var points = status == QaStatus.Green ? Points(QaPoints, weight, 1) : 0;
        return new(Criterion.QaStatus, points, status == QaStatus.Green
            ? $"Quality assurance green ({Plus(points)})"
            : $"Quality assurance {Words.InSentence(status)} ({Plus(points)})");
    }

    /// <summary>Responsiveness and placement stability: answering referrals counts 60%, placements lasting past 12 weeks 40%.</summary>
    private static Explanation ScoreTrackRecord(double? responseRate, double? stability, double weight)
    {
        if (responseRate is null && stability is null)
        {
            var neutral = Points(TrackRecordPoints, weight, 0.5);
            return new(Criterion.TrackRecord, neutral, $"No track record on the platform yet ({Plus(neutral)})");
        }
        var share = 0.6 * Math.Clamp(responseRate ?? 0.5, 0, 1) + 0.4 * Math.Clamp(stability ?? 0.5, 0, 1);
        var points = Points(TrackRecordPoints, weight, share);
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

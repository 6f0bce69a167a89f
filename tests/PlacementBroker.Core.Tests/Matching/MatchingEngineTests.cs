using PlacementBroker.Core.Matching;
using PlacementBroker.Core.Vocabulary;

namespace PlacementBroker.Core.Tests.Matching;

public class MatchingEngineTests
{
    private static readonly Guid Lot = Guid.Parse("00000000-0000-0000-0000-00000000000a");

    // A 14-year-old girl from Leeds (LS6), must have emotional and behavioural support, would benefit from autism support.
    private static ReferralCriteria Referral(
        int age = 14, Gender gender = Gender.Female, int siblings = 1, double maxMiles = 20, bool outOfArea = false,
        decimal budget = 6000m, Need[]? mustHave = null, Need[]? niceToHave = null) => new(
        Lot, age, gender, siblings,
        (mustHave ?? [Need.EmotionalBehavioural]).ToHashSet(),
        (niceToHave ?? [Need.Autism, Need.SelfHarm]).ToHashSet(),
        53.8196, -1.5767, maxMiles, outOfArea, budget, new DateOnly(2026, 12, 1));

    // A good children's home in Leeds city centre (about 2 miles away) that meets everything.
    private static MatchCandidate Candidate(
        int id = 1, bool admitted = true, QaStatus qa = QaStatus.Green, int places = 2, int ageMin = 8, int ageMax = 17,
        Gender[]? genders = null, Need[]? needs = null, OfstedGrade grade = OfstedGrade.Good, double lat = 53.7997, double lon = -1.5492,
        decimal price = 5000m, DateOnly? availableFrom = null, double? responseRate = null) => new(
        Guid.Parse($"00000000-0000-0000-0000-{id:D12}"), Guid.NewGuid(), Guid.NewGuid(), Lot, admitted, qa, places, 4, ageMin, ageMax,
        genders ?? [Gender.Female, Gender.Male], needs ?? [Need.EmotionalBehavioural, Need.Autism, Need.SelfHarm], grade, lat, lon, price,
        availableFrom ?? new DateOnly(2026, 11, 20), responseRate);

    private static readonly PriceBenchmark Benchmark = new(5200m, null, "commissioner's benchmark");

    private static MatchResult Evaluate(MatchCandidate candidate, ReferralCriteria? referral = null, bool distanceIsHardRule = true) =>
        MatchingEngine.Evaluate(referral ?? Referral(), candidate, Benchmark, distanceIsHardRule: distanceIsHardRule);

    [Fact]
    public void Evaluate_CandidateMeetingEverything_IsEligible()
    {
        var result = Evaluate(Candidate());

        Assert.True(result.Eligible);
        Assert.Empty(result.Exclusions);
        Assert.False(result.RequiresApproval);
    }

    [Fact]
    public void Evaluate_ProviderNotAdmitted_IsExcluded() =>
        AssertExcludedBy(Evaluate(Candidate(admitted: false)), HardRule.NotAdmittedToLot);

    [Fact]
    public void Evaluate_ProviderQaRed_IsExcluded() =>
        AssertExcludedBy(Evaluate(Candidate(qa: QaStatus.Red)), HardRule.QaSuspended);

    [Fact]
    public void Evaluate_SiblingGroupLargerThanThePlaces_IsExcluded() =>
        AssertExcludedBy(Evaluate(Candidate(places: 1), Referral(siblings: 2)), HardRule.CapacityTooSmall);

    [Fact]
    public void Evaluate_ChildOutsideTheAgeRange_IsExcluded() =>
        AssertExcludedBy(Evaluate(Candidate(ageMin: 15, ageMax: 17)), HardRule.AgeNotAccepted);

    [Fact]
    public void Evaluate_GenderNotAccepted_IsExcluded() =>
        AssertExcludedBy(Evaluate(Candidate(genders: [Gender.Male])), HardRule.GenderNotAccepted);

    [Fact]
    public void Evaluate_MustHaveNeedNotMet_IsExcludedNamingTheNeed()
    {
        var result = Evaluate(Candidate(needs: [Need.Autism]));

        AssertExcludedBy(result, HardRule.MustHaveNeedNotMet);
        Assert.Contains("emotional and behavioural", result.Exclusions.Single().Text);
    }

    [Fact]
    public void Evaluate_VacancyBeyondTheMaximumDistance_IsExcluded() =>
        // Sheffield, about 30 miles from Leeds.
        AssertExcludedBy(Evaluate(Candidate(lat: 53.3811, lon: -1.4701)), HardRule.TooFarFromHome);

    [Fact]
    public void Evaluate_AvailableAfterTheStartDate_IsExcluded() =>
        AssertExcludedBy(Evaluate(Candidate(availableFrom: new DateOnly(2026, 12, 15))), HardRule.StartDateNotMet);

    [Fact]
    public void Evaluate_OutOfAreaRequired_DistanceExcludesNothing() =>
        Assert.True(Evaluate(Candidate(lat: 51.5074, lon: -0.1278), Referral(outOfArea: true)).Eligible);

    [Fact]
    public void Evaluate_OfferBeyondTheMaximumDistance_NeedsApprovalInsteadOfExclusion()
    {
        var result = Evaluate(Candidate(lat: 53.3811, lon: -1.4701), distanceIsHardRule: false);

        Assert.True(result.Eligible);
        Assert.True(result.RequiresApproval);
        Assert.Contains(result.ApprovalReasons, r => r.Contains("beyond the referral's maximum"));
    }

    [Theory]
    [InlineData(OfstedGrade.RequiresImprovement)]
    [InlineData(OfstedGrade.Inadequate)]
    public void Evaluate_SettingGradedBelowGood_NeedsApproval(OfstedGrade grade) =>
        Assert.True(Evaluate(Candidate(grade: grade)).RequiresApproval);

    [Fact]
    public void Evaluate_QaAmber_NeedsApproval() =>
        Assert.Contains(Evaluate(Candidate(qa: QaStatus.Amber)).ApprovalReasons, r => r.Contains("amber"));

    [Fact]
    public void Evaluate_PriceAboveTheUpperQuartile_NeedsApproval()
    {
        var quartile = new PriceBenchmark(5200m, 5500m, "accepted prices", QuartilesFromAcceptedPrices: true);

        Assert.False(MatchingEngine.Evaluate(Referral(), Candidate(price: 5500m), quartile).RequiresApproval);
        Assert.True(MatchingEngine.Evaluate(Referral(), Candidate(price: 5500.01m), quartile).RequiresApproval);
        Assert.Contains("upper quartile", MatchingEngine.Evaluate(Referral(), Candidate(price: 5500.01m), quartile).ApprovalReasons.Single());
        Assert.Contains("price ceiling", MatchingEngine.Evaluate(Referral(), Candidate(price: 5500.01m), quartile with { QuartilesFromAcceptedPrices = false }).ApprovalReasons.Single());
        Assert.Equal("£5,600 a week is above the upper quartile for complex needs in the North West of £5,500",
            MatchingEngine.Evaluate(Referral(), Candidate(price: 5600m), quartile with { Scope = "complex needs in the North West" }).ApprovalReasons.Single());
    }

    [Fact]
    public void Rank_EachSettingIsJudgedAgainstItsRegionsBenchmark()
    {
        var northWest = new PriceBenchmark(4500m, 4800m, "quartiles", QuartilesFromAcceptedPrices: true, Scope: "complex needs in the North West");
        var table = new PriceBenchmarkTable(new PriceBenchmark(5200m, 5500m, "lot"), new Dictionary<EnglishRegion, PriceBenchmark> { [EnglishRegion.NorthWest] = northWest });
        var inNorthWest = Candidate(price: 5000m) with { Region = EnglishRegion.NorthWest };
        var inYorkshire = Candidate(price: 5000m) with { Region = EnglishRegion.YorkshireAndTheHumber };

        var ranked = MatchingEngine.Rank(Referral(), [inNorthWest, inYorkshire], table);

        var yorkshire = ranked.Single(m => m.Candidate == inYorkshire);
        var manchester = ranked.Single(m => m.Candidate == inNorthWest);
        Assert.False(yorkshire.RequiresApproval);
        Assert.Contains(yorkshire.Explanation, e => e.Text.StartsWith("£200 below the lot benchmark"));
        Assert.True(manchester.RequiresApproval);
        Assert.Contains(manchester.Explanation, e => e.Text.StartsWith("£500 above the median for complex needs in the North West"));
        Assert.Equal(1, yorkshire.Rank);
    }

    [Fact]
    public void Evaluate_PriceAboveTheBudget_NeedsApproval() =>
        Assert.Contains(Evaluate(Candidate(price: 5100m), Referral(budget: 5000m)).ApprovalReasons, r => r.Contains("budget"));

    [Fact]
    public void Rank_MoreNiceToHaveNeedsMet_RanksHigher() =>
        AssertFirst(2, Candidate(id: 1, needs: [Need.EmotionalBehavioural]), Candidate(id: 2, needs: [Need.EmotionalBehavioural, Need.Autism]));

    [Fact]
    public void Rank_BetterOfstedGrade_RanksHigher() =>
        AssertFirst(2, Candidate(id: 1, grade: OfstedGrade.Good), Candidate(id: 2, grade: OfstedGrade.Outstanding));

    [Fact]
    public void Rank_LowerPrice_RanksHigher() =>
        AssertFirst(2, Candidate(id: 1, price: 5200m), Candidate(id: 2, price: 4300m));

    [Fact]
    public void Rank_CloserToHome_RanksHigher() =>
        // Bradford (about 9 miles) against Headingley (under a mile).
        AssertFirst(2, Candidate(id: 1, lat: 53.7960, lon: -1.7594), Candidate(id: 2, lat: 53.8230, lon: -1.5800));

    [Fact]
    public void Rank_BetterTrackRecord_RanksHigher() =>
        AssertFirst(2, Candidate(id: 1, responseRate: 0.2), Candidate(id: 2, responseRate: 1.0));

    [Fact]
    public void Rank_NeedingApproval_RanksAfterEveryOfferThatDoesNot()
    {
        // Outstanding, cheap and close, but QA amber: it needs a manager, so it follows the plainer offer.
        var amber = Candidate(id: 1, qa: QaStatus.Amber, grade: OfstedGrade.Outstanding, price: 4000m);
        var plain = Candidate(id: 2, grade: OfstedGrade.NotYetInspected, price: 5200m, lat: 53.7960, lon: -1.7594);

        var ranked = MatchingEngine.Rank(Referral(), [amber, plain], Benchmark);

        Assert.True(ranked[0].Score < ranked[1].Score);
        Assert.Equal(plain.Id, ranked[0].Candidate.Id);
        Assert.Equal([1, 2], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_IneligibleCandidates_ComeLast()
    {
        var ranked = MatchingEngine.Rank(Referral(), [Candidate(id: 1, genders: [Gender.Male]), Candidate(id: 2, grade: OfstedGrade.Inadequate)], Benchmark);

        Assert.Equal(2, ranked[0].Candidate.Id.ToByteArray()[15]);
        Assert.False(ranked[1].Eligible);
    }

    [Fact]
    public void Rank_IdenticalCandidates_AreOrderedTheSameWayWhateverTheInputOrder()
    {
        var candidates = Enumerable.Range(1, 6).Select(i => Candidate(id: i)).ToList();

        var forwards = MatchingEngine.Rank(Referral(), candidates, Benchmark).Select(r => r.Candidate.Id).ToList();
        var backwards = MatchingEngine.Rank(Referral(), Enumerable.Reverse(candidates), Benchmark).Select(r => r.Candidate.Id).ToList();
        var shuffled = MatchingEngine.Rank(Referral(), candidates.OrderBy(_ => Random.Shared.Next()), Benchmark).Select(r => r.Candidate.Id).ToList();

        Assert.Equal(forwards, backwards);
        Assert.Equal(forwards, shuffled);
        Assert.Equal(candidates.Select(c => c.Id).Order(), forwards);
    }

    [Fact]
    public void Rank_EqualScores_CheaperThenCloserWins()
    {
        var ranked = MatchingEngine.Rank(Referral(niceToHave: []), [Candidate(id: 1, price: 5000m), Candidate(id: 2, price: 4999m)],
            new PriceBenchmark(null, null, "none"), new RankingWeights(Price: 0));

        Assert.Equal(ranked[0].Score, ranked[1].Score);
        Assert.Equal(4999m, ranked[0].Candidate.WeeklyPrice);
    }

    [Fact]
    public void Explanation_PointsAlwaysAddUpToTheScore()
    {
        var random = new Random(20261123);
        var grades = Enum.GetValues<OfstedGrade>();
        for (var i = 0; i < 500; i++)
        {
            var candidate = Candidate(id: i, grade: grades[random.Next(grades.Length)], price: 3000m + random.Next(0, 4000),
                lat: 53 + random.NextDouble(), lon: -2 + random.NextDouble(), qa: (QaStatus)random.Next(3),
                responseRate: random.Next(2) == 0 ? null : random.NextDouble(),
                needs: Enum.GetValues<Need>().Where(_ => random.Next(2) == 0).ToArray());
            var weights = new RankingWeights(random.NextDouble() * 2, random.NextDouble() * 2, random.NextDouble() * 2, random.NextDouble() * 2, random.NextDouble() * 2, random.NextDouble() * 2);

            var result = MatchingEngine.Evaluate(Referral(outOfArea: random.Next(4) == 0), candidate, Benchmark, weights);

            Assert.Equal(result.Score, result.Explanation.Sum(e => e.Points));
            Assert.Equal(6, result.Explanation.Count);
            Assert.All(result.Explanation, e => Assert.Contains($"({Words.ScorePoints(e.Points)})", e.Text));
        }
    }

    [Fact]
    public void Explanation_SaysWhyInPlainWords()
    {
        var result = Evaluate(Candidate(grade: OfstedGrade.Good, price: 4600m));

        Assert.Contains(result.Explanation, e => e.Criterion == Criterion.OfstedGrade && e.Text.StartsWith("Good Ofsted grade (adds 15 points to the score)"));
        Assert.Contains(result.Explanation, e => e.Criterion == Criterion.Price && e.Text.StartsWith("£600 below the lot benchmark"));
        Assert.Contains(result.Explanation, e => e.Criterion == Criterion.Distance && e.Text.Contains("miles from home, within 20 miles"));
    }

    [Fact]
    public void Distance_LeedsToSheffield_IsAboutThirtyMiles() =>
        Assert.InRange(Distance.Miles(53.8008, -1.5491, 53.3811, -1.4701), 28, 31);

    [Fact]
    public void BoundingBox_HoldsEveryPointWithinTheRadius()
    {
        var (minLat, maxLat, minLon, maxLon) = Distance.BoundingBox(53.8, -1.55, 20);
        var random = new Random(7);
        for (var i = 0; i < 1000; i++)
        {
            var lat = 53.4 + random.NextDouble() * 0.8;
            var lon = -2.2 + random.NextDouble() * 1.3;
            if (Distance.Miles(53.8, -1.55, lat, lon) <= 20)
            {
                Assert.InRange(lat, minLat, maxLat);
                Assert.InRange(lon, minLon, maxLon);
            }
        }
    }

    [Fact]
    public void Rank_ExplainingOnlyTheResultsReturned_GivesWhatExplainingEveryCandidateGives()
    {
        var random = new Random(20261203);
        var grades = Enum.GetValues<OfstedGrade>();
        var needs = Enum.GetValues<Need>();
        var table = new PriceBenchmarkTable(Benchmark, new Dictionary<EnglishRegion, PriceBenchmark>
        {
            [EnglishRegion.NorthWest] = new(4800m, 5500m, "accepted prices", true, "complex needs in the North West"),
            [EnglishRegion.London] = new(null, null, "none"),
        });
        for (var round = 0; round < 40; round++)
        {
            var referral = Referral(age: random.Next(10, 19), siblings: random.Next(1, 4), maxMiles: random.Next(5, 60), outOfArea: random.Next(5) == 0,
                budget: random.Next(0, 4) * 3000m, mustHave: needs.Where(_ => random.Next(6) == 0).ToArray(), niceToHave: needs.Where(_ => random.Next(4) == 0).ToArray())
                with { PlacementType = random.Next(3) == 0 ? PlacementType.SupportedAccommodation : null };
            var weights = random.Next(2) == 0 ? null
                : new RankingWeights(random.NextDouble() * 2, random.NextDouble() * 2, random.NextDouble() * 2, random.NextDouble() * 2, random.NextDouble() * 2, random.NextDouble() * 2);
            var distanceIsHardRule = random.Next(2) == 0;
            // Few distinct prices, places and grades, so many candidates tie on score and price and the later keys decide.
            var candidates = Enumerable.Range(1, 150).Select(i => Candidate(id: random.Next(1, 100_000), admitted: random.Next(10) > 0, qa: (QaStatus)random.Next(3),
                    places: random.Next(0, 4), ageMin: random.Next(8, 16), ageMax: random.Next(15, 19), genders: random.Next(4) == 0 ? new[] { Gender.Male } : null,
                    needs: needs.Where(_ => random.Next(3) > 0).ToArray(), grade: grades[random.Next(grades.Length)],
                    lat: 53.8 + random.Next(0, 8) * 0.1, lon: -1.55 + random.Next(0, 3) * 0.1, price: 4000m + random.Next(0, 4) * 500m,
                    availableFrom: new DateOnly(2026, 11, 25).AddDays(random.Next(0, 12)), responseRate: random.Next(2) == 0 ? null : random.Next(0, 5) / 4.0)
                    with { Region = random.Next(3) switch { 0 => EnglishRegion.NorthWest, 1 => EnglishRegion.London, _ => null },
                        Latitude = random.Next(10) == 0 ? null : 53.8 + random.Next(0, 8) * 0.1 })
                .ToList();

            // Every candidate explained, then ordered: how ranking was done before.
            var expected = candidates.Select(c => MatchingEngine.Evaluate(referral, c, table.For(c.Region), weights, distanceIsHardRule))
                .OrderByDescending(m => m.Eligible).ThenBy(m => m.RequiresApproval).ThenByDescending(m => m.Score)
                .ThenBy(m => m.Candidate.WeeklyPrice).ThenBy(m => m.DistanceMiles ?? double.MaxValue).ThenBy(m => m.Candidate.Id)
                .Select((m, i) => m with { Rank = i + 1 }).ToList();

            AssertSameResults(expected, MatchingEngine.Rank(referral, candidates, table, weights, distanceIsHardRule));
            AssertSameResults(expected.Take(40).ToList(), MatchingEngine.Rank(referral, candidates, table, weights, distanceIsHardRule, limit: 40));
            Assert.All(candidates, c => Assert.Equal(MatchingEngine.Evaluate(referral, c, table.For(c.Region), weights, distanceIsHardRule).Eligible,
                MatchingEngine.IsEligible(referral, c, distanceIsHardRule)));
        }
    }

    private static void AssertSameResults(IReadOnlyList<MatchResult> expected, IReadOnlyList<MatchResult> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Same(expected[i].Candidate, actual[i].Candidate);
            Assert.Equal((expected[i].Rank, expected[i].Eligible, expected[i].Score, expected[i].RequiresApproval, expected[i].DistanceMiles),
                (actual[i].Rank, actual[i].Eligible, actual[i].Score, actual[i].RequiresApproval, actual[i].DistanceMiles));
            Assert.Equal(expected[i].Exclusions, actual[i].Exclusions);
            Assert.Equal(expected[i].Explanation, actual[i].Explanation);
            Assert.Equal(expected[i].ApprovalReasons, actual[i].ApprovalReasons);
        }
    }

    private static void AssertExcludedBy(MatchResult result, HardRule rule)
    {
        Assert.False(result.Eligible);
        Assert.Equal(rule, Assert.Single(result.Exclusions).Rule);
    }

    private static void AssertFirst(int expectedId, params MatchCandidate[] candidates)
    {
        var ranked = MatchingEngine.Rank(Referral(), candidates, Benchmark);
        Assert.Equal(Guid.Parse($"00000000-0000-0000-0000-{expectedId:D12}"), ranked[0].Candidate.Id);
        Assert.True(ranked[0].Score > ranked[1].Score, $"Scores {ranked[0].Score} and {ranked[1].Score} should differ");
    }
}

public class TrackRecordTests
{
    private static readonly ReferralCriteria Referral = new(Guid.Empty, 14, Gender.Female, 1, new HashSet<Need>(), new HashSet<Need>(), 53.8, -1.55, 20, false, 6000m,
        new DateOnly(2026, 12, 1));

    private static MatchResult Evaluate(double? rate, double? stability) => MatchingEngine.Evaluate(Referral,
        new MatchCandidate(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.Empty, true, QaStatus.Green, 1, 4, 8, 17, [Gender.Female], [], OfstedGrade.Good,
            53.8, -1.55, 5000m, new DateOnly(2026, 11, 1), rate, stability),
        new PriceBenchmark(5200m, null, "test"));

    private static Explanation Track(MatchResult r) => r.Explanation.Single(e => e.Criterion == Criterion.TrackRecord);

    [Fact]
    public void TrackRecord_NoHistory_IsNeutral() => Assert.Equal(3, Track(Evaluate(null, null)).Points);

    [Fact]
    public void TrackRecord_AnswersEveryReferralAndPlacementsLast_ScoresInFull()
    {
        var track = Track(Evaluate(1.0, 1.0));

        Assert.Equal(MatchingEngine.TrackRecordPoints, track.Points);
        Assert.Equal("Answers 100% of referrals; 100% of placements last past 12 weeks (adds 5 points to the score)", track.Text);
    }

    [Fact]
    public void TrackRecord_EarlyDisruptions_LowerTheScore() =>
        Assert.True(Track(Evaluate(1.0, 0.2)).Points < Track(Evaluate(1.0, 1.0)).Points);

    [Theory]
    [InlineData(84, true)]
    [InlineData(85, false)]
    public void DisruptedEarly_TwelveWeeksIsTheBoundary(int days, bool early) =>
        Assert.Equal(early, PlacementBroker.Core.Placements.PlacementRules.DisruptedEarly(PlacementBroker.Core.Placements.PlacementEndReason.Disruption,
            new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1).AddDays(days)));

    [Fact]
    public void DisruptedEarly_OtherReasonsAreNotDisruptions() =>
        Assert.False(PlacementBroker.Core.Placements.PlacementRules.DisruptedEarly(PlacementBroker.Core.Placements.PlacementEndReason.ReturnedHome,
            new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 10)));
}

using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Matching;

namespace PlacementBroker.Core.Tests.Matching;

/// <summary>The law on age (spec 5.2) and one way of pricing sibling groups (per child), as pure rules.</summary>
public class PlacementLawTests
{
    private static readonly Guid Lot = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    private static ReferralCriteria Referral(int age, PlacementType? type = PlacementType.SupportedAccommodation, int siblings = 1, decimal budget = 2000m) => new(
        Lot, age, Gender.Male, siblings, new HashSet<Need>(), new HashSet<Need>(), 53.8196, -1.5767, 20, false, budget, new DateOnly(2026, 12, 1), type);

    private static MatchCandidate Vacancy(int ageMin = 0, int ageMax = 25, decimal price = 1500m, int places = 3) => new(
        Guid.Parse("00000000-0000-0000-0000-000000000001"), Guid.NewGuid(), Guid.NewGuid(), Lot, true, QaStatus.Green, places, 4, ageMin, ageMax,
        [Gender.Female, Gender.Male], [], OfstedGrade.NotGraded, 53.7997, -1.5492, price, new DateOnly(2026, 11, 20));

    private static readonly PriceBenchmark NoBenchmark = new(null, null, "none");

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    public void SupportedAccommodation_VacancyTakingUnder16s_IsRefused(int ageMin) =>
        Assert.Contains("16- and 17-year-olds only", PlacementLaw.VacancyYoungestAgeRefusal(PlacementType.SupportedAccommodation, ageMin));

    [Fact]
    public void SupportedAccommodation_VacancyFrom16_IsLawful_AndOtherLotsTakeAnyAge()
    {
        Assert.Null(PlacementLaw.VacancyYoungestAgeRefusal(PlacementType.SupportedAccommodation, 16));
        Assert.Null(PlacementLaw.VacancyYoungestAgeRefusal(PlacementType.ResidentialCare, 8));
    }

    [Theory]
    [InlineData(15, true)]
    [InlineData(16, false)]
    [InlineData(17, false)]
    [InlineData(18, true)]
    public void SupportedAccommodation_IsFor16And17YearOldsOnly(int ageOnStartDate, bool refused) =>
        Assert.Equal(refused, PlacementLaw.ChildAgeRefusal(PlacementType.SupportedAccommodation, ageOnStartDate) is not null);

    [Fact]
    public void SupportedAccommodation_ChildUnder16_IsNeverMatchedEvenToAVacancyThatTakesTheAge()
    {
        var result = MatchingEngine.Evaluate(Referral(15), Vacancy(ageMin: 0), NoBenchmark);

        Assert.False(result.Eligible);
        Assert.Contains(result.Exclusions, e => e.Rule == HardRule.UnlawfulForAge && e.Text.Contains("16- and 17-year-olds only"));
        Assert.True(MatchingEngine.Evaluate(Referral(16), Vacancy(ageMin: 0), NoBenchmark).Eligible);
        Assert.True(MatchingEngine.Evaluate(Referral(15, PlacementType.ResidentialCare), Vacancy(ageMin: 0), NoBenchmark).Eligible);
    }

    [Fact]
    public void SiblingGroup_BudgetIsForTheGroup_AndComparedWithThePricePerChildTimesTheChildren()
    {
        // Three children at £2,000 a week each cost £6,000 a week: above a £5,000 budget for the group.
        var result = MatchingEngine.Evaluate(Referral(16, siblings: 3, budget: 5000m), Vacancy(price: 2000m), NoBenchmark);

        Assert.True(result.RequiresApproval);
        Assert.Contains("£6,000 a week for the 3 children (£2,000 each) is above the referral's budget of £5,000 a week for the group", result.ApprovalReasons);
        Assert.False(MatchingEngine.Evaluate(Referral(16, siblings: 3, budget: 6000m), Vacancy(price: 2000m), NoBenchmark).RequiresApproval);
    }

    [Fact]
    public void SiblingGroup_PriceCriterion_ComparesThePricePerChildWithTheBudgetPerChild()
    {
        // £6,000 for three is £2,000 a child: a price of £2,000 each sits exactly at the budget, not a third of it.
        var result = MatchingEngine.Evaluate(Referral(16, siblings: 3, budget: 6000m), Vacancy(price: 2000m), NoBenchmark);

        var price = result.Explanation.Single(e => e.Criterion == Criterion.Price);
        Assert.StartsWith("Priced at the budget per child", price.Text);
        Assert.Equal(MatchingEngine.PricePoints / 2, price.Points);
    }

    [Fact]
    public void SiblingGroup_BillingChargesWhatTheBudgetCheckCompared()
    {
        // A week of three children at £2,000 each is billed £6,000: the group total the budget check weighed.
        var week = new BillingPeriod(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 7));
        var charge = ChargeRules.Spot(week, new DateOnly(2026, 12, 1), null, [new PriceFrom(new DateOnly(2026, 12, 1), 2000m)], children: 3);
        var withinBudget = MatchingEngine.Evaluate(Referral(16, siblings: 3, budget: charge.Amount), Vacancy(price: 2000m), NoBenchmark);
        var belowBudget = MatchingEngine.Evaluate(Referral(16, siblings: 3, budget: charge.Amount - 1), Vacancy(price: 2000m), NoBenchmark);

        Assert.Equal(6000m, charge.Amount);
        Assert.False(withinBudget.RequiresApproval);
        Assert.True(belowBudget.RequiresApproval);
    }
}

using PlacementBroker.Core.Contracts;
using PlacementBroker.Core.Dps;

namespace PlacementBroker.Core.Tests.Contracts;

/// <summary>The rules of contract management that need no database: quarters and their due dates, targets, risk and review intervals.</summary>
public class ContractRulesTests
{
    private static readonly DateTime Agreed = new(2026, 6, 2, 9, 0, 0, DateTimeKind.Utc);

    private static readonly WorkingDayCalendar Calendar = new([new DateOnly(2026, 8, 31), new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 1)]);

    [Theory]
    [InlineData("2026-Q3", 2026, 3)]
    [InlineData(" 2027-q1 ", 2027, 1)]
    public void Quarter_Parses_YearAndNumber(string text, int year, int number)
    {
        Assert.True(Quarter.TryParse(text, out var quarter));
        Assert.Equal(new Quarter(year, number), quarter);
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-Q0")]
    [InlineData("Q3-2026")]
    [InlineData("2026Q3")]
    [InlineData("1999-Q1")]
    [InlineData("")]
    [InlineData(null)]
    public void Quarter_RefusesAnythingElse(string? text) => Assert.False(Quarter.TryParse(text, out _));

    [Fact]
    public void Quarter_RunsFromItsFirstToItsLastDay_AndTurnsTheYear()
    {
        var q4 = new Quarter(2026, 4);
        Assert.Equal(new DateOnly(2026, 10, 1), q4.Start);
        Assert.Equal(new DateOnly(2026, 12, 31), q4.End);
        Assert.Equal(new Quarter(2027, 1), q4.Next);
        Assert.Equal(new Quarter(2026, 3), q4.Previous);
        Assert.Equal(new Quarter(2025, 4), new Quarter(2026, 1).Previous);
        Assert.Equal(q4, Quarter.Containing(new DateOnly(2026, 11, 23)));
        Assert.Equal("October to December 2026", q4.Months);
        Assert.True(new Quarter(2026, 4) > new Quarter(2026, 3) && new Quarter(2027, 1) > new Quarter(2026, 4));
    }

    [Fact]
    public void ReturnDueBy_Is20WorkingDaysAfterTheQuarter_SkippingWeekendsAndBankHolidays()
    {
        // Q3 ends Wednesday 30 September: 20 working days is Wednesday 28 October.
        Assert.Equal(new DateOnly(2026, 10, 28), new Quarter(2026, 3).ReturnDueBy(Calendar));
        // Q4 ends Thursday 31 December; New Year's Day is a bank holiday: Friday 29 January.
        Assert.Equal(new DateOnly(2027, 1, 29), new Quarter(2026, 4).ReturnDueBy(Calendar));
    }

    [Theory]
    [InlineData(true, 95, 94.9, true)]
    [InlineData(true, 95, 95, false)]
    [InlineData(false, 0, 1, true)]
    [InlineData(false, 0, 0, false)]
    [InlineData(false, 15, 14, false)]
    public void Misses_TheTarget_OnlyOnTheWrongSideOfIt(bool higherIsBetter, double target, double value, bool misses)
    {
        var kpi = new Kpi { DpsId = Guid.NewGuid(), Code = "K", Name = "K", CreatedAt = Agreed, Target = (decimal)target, HigherIsBetter = higherIsBetter };
        Assert.Equal(misses, kpi.Misses((decimal)value));
        Assert.False(kpi.Misses(null));
    }

    [Theory]
    [InlineData(KpiUnit.Percent, 101, "must be a percent from 0 to 100")]
    [InlineData(KpiUnit.Percent, -1, "must be a percent from 0 to 100")]
    [InlineData(KpiUnit.Count, 2.5, "must be a whole number, 0 or more")]
    [InlineData(KpiUnit.Count, -1, "must be a whole number, 0 or more")]
    [InlineData(KpiUnit.Money, -0.01, "must be 0 or more")]
    [InlineData(KpiUnit.Days, 2e9, "is too large")]
    public void ValueError_SaysWhyAFigureCannotBe(KpiUnit unit, double value, string error) => Assert.Equal(error, KpiService.ValueError(unit, (decimal)value));

    [Theory]
    [InlineData(KpiUnit.Percent, 100)]
    [InlineData(KpiUnit.Count, 0)]
    [InlineData(KpiUnit.Days, 3.5)]
    [InlineData(KpiUnit.Money, 1250.50)]
    public void ValueError_IsNullForAPossibleFigure(KpiUnit unit, double value) => Assert.Null(KpiService.ValueError(unit, (decimal)value));

    [Theory]
    [InlineData(RiskRating.High, "2027-02-20")]
    [InlineData(RiskRating.Medium, "2027-05-20")]
    [InlineData(RiskRating.Low, "2027-11-20")]
    public void NextReview_IsDueSoonerTheHigherTheRisk(RiskRating risk, string due) =>
        Assert.Equal(DateOnly.Parse(due), ContractReviewService.NextReviewDue(new DateOnly(2026, 11, 20), risk));

    [Fact]
    public void SuggestedRisk_HighForRedQaAnOpenPlanOrHighSpend_MediumForAmberMediumSpendOrAMissedTarget_ElseLow()
    {
        ImprovementPlanSummary Plan(ImprovementPlanStatus status) => new(Guid.NewGuid(), Guid.NewGuid(), "P", status, "Why", 1, 0, 0, Agreed);
        KpiTrend Trend(bool below) => new(Guid.NewGuid(), "STAFF", "Staff turnover", KpiUnit.Percent, 15, false, false,
            [new("2026-Q2", 30, true, KpiReturnStatus.Accepted), new("2026-Q3", below ? 20 : 10, below, KpiReturnStatus.Accepted)]);

        Assert.Equal(RiskRating.Low, ContractOverviewService.SuggestRisk("Green", 100_000m, [Plan(ImprovementPlanStatus.Completed)], [Trend(false)], false).Rating);
        Assert.Equal(RiskRating.High, ContractOverviewService.SuggestRisk("Red", 0m, [], [], false).Rating);
        Assert.Equal(RiskRating.High, ContractOverviewService.SuggestRisk("Green", 0m, [Plan(ImprovementPlanStatus.Open)], [], false).Rating);
        var highSpend = ContractOverviewService.SuggestRisk("Green", 1_000_000m, [], [], false);
        Assert.Equal(RiskRating.High, highSpend.Rating);
        Assert.Equal(["annual spend is £1,000,000, at or above £1,000,000"], highSpend.Reasons);
        Assert.Equal(RiskRating.Medium, ContractOverviewService.SuggestRisk("Amber", 0m, [], [], false).Rating);
        Assert.Equal(RiskRating.Medium, ContractOverviewService.SuggestRisk("Green", 250_000m, [], [], false).Rating);
        Assert.Equal(RiskRating.Medium, ContractOverviewService.SuggestRisk("Green", 0m, [], [], true).Rating);
        var missed = ContractOverviewService.SuggestRisk("Green", 0m, [], [Trend(true)], false);
        Assert.Equal(RiskRating.Medium, missed.Rating);
        Assert.Equal(["below target on its latest return: STAFF"], missed.Reasons);
    }
}

using PlacementBroker.Core.Matching;
using PlacementBroker.Core.Quality;

namespace PlacementBroker.Core.Tests.Quality;

public class QaRulesTests
{
    private static readonly Guid Provider = Guid.NewGuid();
    private static readonly Guid Home = Guid.NewGuid();
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static ProviderQaFacts Facts(
        DateOnly? admitted = null, OfstedGrade grade = OfstedGrade.Good, DateOnly? inspected = null, VisitFacts[]? visits = null,
        PlacementFacts[]? placements = null, FlagFacts[]? flags = null) =>
        new(Provider, admitted, [new SettingFacts(Home, "Meadow View", grade, inspected)], visits ?? [], placements ?? [], flags ?? []);

    private static VisitFacts Visit(DateOnly date, bool reported = true) => new(Home, date, reported ? date.AddDays(5) : null, reported ? date.AddDays(8) : null);

    private static WorkItem Single(ProviderQaFacts facts, WorkKind kind, DateOnly? today = null) =>
        Assert.Single(QaTimetable.Due(facts, today ?? Today), i => i.Kind == kind);

    [Fact]
    public void Annual_DpsProviderNeverVisited_IsDueAYearAfterAdmission()
    {
        var item = Single(Facts(admitted: new DateOnly(2025, 11, 23)), WorkKind.AnnualVisit);

        Assert.Equal(new DateOnly(2026, 11, 23), item.DueBy);
        Assert.False(item.Overdue);
        Assert.True(Single(Facts(admitted: new DateOnly(2025, 11, 22)), WorkKind.AnnualVisit).Overdue);
    }

    [Fact]
    public void Improvement_NoInspectionDate_IsDueSixMonthsFromRegistration_WhicheverDayItIsRead()
    {
        var facts = new ProviderQaFacts(Provider, null,
            [new SettingFacts(Home, "Meadow View", OfstedGrade.Inadequate, null, Registered: new DateOnly(2026, 1, 10))], [], [], []);

        var item = Single(facts, WorkKind.ImprovementVisit);

        Assert.Equal(new DateOnly(2026, 7, 10), item.DueBy);
        Assert.True(item.Overdue);
        Assert.Equal(item.DueBy, Single(facts, WorkKind.ImprovementVisit, Today.AddDays(40)).DueBy);
    }

    [Fact]
    public void Annual_CountsFromTheLastVisit()
    {
        var item = Single(Facts(admitted: new DateOnly(2020, 1, 1), visits: [Visit(new DateOnly(2026, 3, 1))]), WorkKind.AnnualVisit);

        Assert.Equal(new DateOnly(2027, 3, 1), item.DueBy);
    }

    [Fact]
    public void Annual_NonDpsProvider_HasNoAnnualVisit() =>
        Assert.DoesNotContain(QaTimetable.Due(Facts(), Today), i => i.Kind == WorkKind.AnnualVisit);

    [Fact]
    public void PostPlacement_NewProvider_IsDueSevenDaysAfterThePlacementStarts()
    {
        var facts = Facts(placements: [new PlacementFacts(Home, new DateOnly(2026, 11, 16))]);

        var item = Single(facts, WorkKind.PostPlacementVisit);

        Assert.Equal(new DateOnly(2026, 11, 23), item.DueBy);
        Assert.False(item.Overdue);
        Assert.True(Single(facts, WorkKind.PostPlacementVisit, Today.AddDays(1)).Overdue);
    }

    [Fact]
    public void PostPlacement_ProviderVisitedBeforeThePlacement_NeedsNoPostPlacementVisit() =>
        Assert.DoesNotContain(QaTimetable.Due(Facts(visits: [Visit(new DateOnly(2026, 10, 1))], placements: [new PlacementFacts(Home, new DateOnly(2026, 11, 16))]), Today),
            i => i.Kind == WorkKind.PostPlacementVisit);

    [Fact]
    public void PostPlacement_VisitedAfterTheStart_IsCleared() =>
        Assert.DoesNotContain(QaTimetable.Due(Facts(visits: [Visit(new DateOnly(2026, 11, 20))], placements: [new PlacementFacts(Home, new DateOnly(2026, 11, 16))]), Today),
            i => i.Kind == WorkKind.PostPlacementVisit);

    [Theory]
    [InlineData(OfstedGrade.RequiresImprovement)]
    [InlineData(OfstedGrade.Inadequate)]
    public void Improvement_SettingBelowGood_IsVisitedWithinSixMonthsOfTheJudgement(OfstedGrade grade)
    {
        var item = Single(Facts(grade: grade, inspected: new DateOnly(2026, 5, 23)), WorkKind.ImprovementVisit);

        Assert.Equal(new DateOnly(2026, 11, 23), item.DueBy);
        Assert.False(item.Overdue);
    }

    [Fact]
    public void Improvement_AgainSixMonthsAfterTheLastVisit()
    {
        var item = Single(Facts(grade: OfstedGrade.Inadequate, inspected: new DateOnly(2026, 1, 10), visits: [Visit(new DateOnly(2026, 5, 22))]), WorkKind.ImprovementVisit);

        Assert.Equal(new DateOnly(2026, 11, 22), item.DueBy);
        Assert.True(item.Overdue);
    }

    [Fact]
    public void Improvement_ReinspectedToGood_NoLongerDue() =>
        Assert.DoesNotContain(QaTimetable.Due(Facts(grade: OfstedGrade.Good, inspected: new DateOnly(2026, 9, 1)), Today), i => i.Kind == WorkKind.ImprovementVisit);

    [Fact]
    public void Improvement_ChildPlacedWithoutAVisit_IsDueFromThePlacement()
    {
        var item = Single(Facts(grade: OfstedGrade.RequiresImprovement, inspected: new DateOnly(2026, 10, 1), visits: [Visit(new DateOnly(2025, 1, 1))],
            placements: [new PlacementFacts(Home, new DateOnly(2026, 11, 2))]), WorkKind.ImprovementVisit);

        Assert.Equal(new DateOnly(2026, 11, 2), item.DueBy);
        Assert.True(item.Overdue);
    }

    [Theory]
    [InlineData(FlagSeverity.Critical, 7)]
    [InlineData(FlagSeverity.High, 7)]
    [InlineData(FlagSeverity.Medium, 28)]
    public void Concern_IsVisitedWithinDaysDependingOnSeverity(FlagSeverity severity, int days)
    {
        var raised = new DateOnly(2026, 11, 10);

        var item = Single(Facts(flags: [new FlagFacts(Guid.NewGuid(), Home, severity, raised, "Allegation")]), WorkKind.ConcernVisit);

        Assert.Equal(raised.AddDays(days), item.DueBy);
    }

    [Fact]
    public void Concern_LowSeverity_NeedsNoVisit() =>
        Assert.DoesNotContain(QaTimetable.Due(Facts(flags: [new FlagFacts(Guid.NewGuid(), Home, FlagSeverity.Low, Today, "Late paperwork")]), Today),
            i => i.Kind == WorkKind.ConcernVisit);

    [Fact]
    public void Concern_VisitedSinceRaised_IsCleared() =>
        Assert.DoesNotContain(QaTimetable.Due(Facts(visits: [Visit(new DateOnly(2026, 11, 12))],
            flags: [new FlagFacts(Guid.NewGuid(), Home, FlagSeverity.High, new DateOnly(2026, 11, 10), "Allegation")]), Today), i => i.Kind == WorkKind.ConcernVisit);

    [Fact]
    public void Report_IsDueFourteenDaysAfterTheVisitUntilCompletedAndReviewed()
    {
        var facts = Facts(visits: [Visit(new DateOnly(2026, 11, 9), reported: false)]);

        var item = Single(facts, WorkKind.Report);

        Assert.Equal(new DateOnly(2026, 11, 23), item.DueBy);
        Assert.False(item.Overdue);
        Assert.True(Single(facts, WorkKind.Report, Today.AddDays(1)).Overdue);
        Assert.DoesNotContain(QaTimetable.Due(Facts(visits: [Visit(new DateOnly(2026, 11, 9))]), Today), i => i.Kind == WorkKind.Report);
    }

    [Fact]
    public void Status_CriticalFlag_IsRedWithTheReason()
    {
        var (status, reasons) = QaStatusRules.Derive(Facts(flags: [new FlagFacts(Guid.NewGuid(), null, FlagSeverity.Critical, Today, "Staff member arrested")]), Today);

        Assert.Equal(QaStatus.Red, status);
        Assert.Contains("Staff member arrested", Assert.Single(reasons));
    }

    [Fact]
    public void Status_OtherOpenFlag_IsAmber() =>
        Assert.Equal(QaStatus.Amber, QaStatusRules.Derive(Facts(flags: [new FlagFacts(Guid.NewGuid(), null, FlagSeverity.Low, Today, "Complaint")]), Today).Status);

    [Fact]
    public void Status_SettingRequiringImprovement_IsAmberNamingIt()
    {
        var (status, reasons) = QaStatusRules.Derive(Facts(grade: OfstedGrade.RequiresImprovement, inspected: Today), Today);

        Assert.Equal(QaStatus.Amber, status);
        Assert.Contains(reasons, r => r.Contains("Meadow View") && r.Contains("Requires improvement"));
    }

    [Fact]
    public void Status_OverdueVisit_IsAmberAndTheDayBeforeIsGreen()
    {
        var admitted = new DateOnly(2025, 11, 23);

        Assert.Equal(QaStatus.Green, QaStatusRules.Derive(Facts(admitted: admitted), Today).Status);
        Assert.Equal(QaStatus.Amber, QaStatusRules.Derive(Facts(admitted: admitted), Today.AddDays(1)).Status);
    }

    [Fact]
    public void Status_NothingOutstanding_IsGreenWithNoReasons()
    {
        var (status, reasons) = QaStatusRules.Derive(Facts(admitted: new DateOnly(2026, 1, 1), visits: [Visit(new DateOnly(2026, 6, 1))]), Today);

        Assert.Equal(QaStatus.Green, status);
        Assert.Empty(reasons);
    }

    [Theory]
    [InlineData(OfstedGrade.Good, OfstedGrade.RequiresImprovement, true)]
    [InlineData(OfstedGrade.Outstanding, OfstedGrade.Inadequate, true)]
    [InlineData(OfstedGrade.RequiresImprovement, OfstedGrade.Inadequate, true)]
    [InlineData(OfstedGrade.NotYetInspected, OfstedGrade.RequiresImprovement, true)]
    [InlineData(OfstedGrade.Inadequate, OfstedGrade.RequiresImprovement, false)]
    [InlineData(OfstedGrade.Outstanding, OfstedGrade.Good, false)]
    [InlineData(OfstedGrade.Inadequate, OfstedGrade.Inadequate, false)]
    public void Downgrade_IsAMoveDownToRequiresImprovementOrInadequate(OfstedGrade from, OfstedGrade to, bool downgrade) =>
        Assert.Equal(downgrade, OfstedImportService.IsDowngrade(from, to));

    [Fact]
    public async Task Csv_QuotedFieldsAndLineBreaks_AreReadWithTheirStartingLine()
    {
        var text = "URN,Name\r\nSC111111,\"Home, with a comma\"\nSC222222,\"Quote \"\"here\"\"\nand a line break\"\nSC333333,Plain\n";

        var records = new List<(int Line, List<string> Fields)>();
        await foreach (var record in CsvRecords.ReadAsync(new StringReader(text)))
        {
            records.Add(record);
        }

        Assert.Equal([1, 2, 3, 5], records.Select(r => r.Line));
        Assert.Equal("Home, with a comma", records[1].Fields[1]);
        Assert.Equal("Quote \"here\"\nand a line break", records[2].Fields[1]);
        Assert.Equal(["SC333333", "Plain"], records[3].Fields);
    }
}

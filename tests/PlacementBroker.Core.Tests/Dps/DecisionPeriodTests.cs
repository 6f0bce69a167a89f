using PlacementBroker.Core.Dps;

namespace PlacementBroker.Core.Tests.Dps;

public class DecisionPeriodTests
{
    [Theory]
    [InlineData(DpsRegime.Pcr2015Dps, 1)]
    [InlineData(DpsRegime.Pcr2015Dps, 10)]
    [InlineData(DpsRegime.ProcurementAct2023DynamicMarket, 1)]
    [InlineData(DpsRegime.ProcurementAct2023DynamicMarket, 11)]
    [InlineData(DpsRegime.ProcurementAct2023DynamicMarket, 60)]
    public void Refusal_PeriodTheRegimeAllows_IsNull(DpsRegime regime, int days) =>
        Assert.Null(DecisionPeriod.Refusal(regime, days));

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(15)]
    [InlineData(-3)]
    public void Refusal_Pcr2015OutsideOneToTenWorkingDays_SaysTheLegalMaximum(int days) =>
        Assert.Equal("Under PCR 2015 the decision period is at most 10 working days", DecisionPeriod.Refusal(DpsRegime.Pcr2015Dps, days));

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void Refusal_DynamicMarketOutsideOneToSixtyWorkingDays_SaysTheRange(int days) =>
        Assert.Equal("Enter a decision period from 1 to 60 working days", DecisionPeriod.Refusal(DpsRegime.ProcurementAct2023DynamicMarket, days));

    [Fact]
    public void DueBy_CountsWorkingDaysFromTheDayOfSubmission_AndTheExtensionIsFifteen()
    {
        // Friday 27 March 2026; Good Friday (3 April) and Easter Monday (6 April) are bank holidays.
        var calendar = new WorkingDayCalendar([new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 6)]);
        var submitted = new DateOnly(2026, 3, 27);

        Assert.Equal(new DateOnly(2026, 4, 14), DecisionPeriod.DueBy(calendar, submitted, DecisionPeriod.Pcr2015Days));
        Assert.Equal(new DateOnly(2026, 4, 21), DecisionPeriod.ExtendedDueBy(calendar, submitted));
        Assert.Equal(calendar.AddWorkingDays(submitted, 15), DecisionPeriod.ExtendedDueBy(calendar, submitted));
    }
}

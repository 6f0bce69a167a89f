using PlacementBroker.Core.Billing;

namespace PlacementBroker.Core.Tests.Billing;

public class ChargeRulesTests
{
    private static readonly BillingPeriod November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    private static DateOnly Nov(int day) => new(2026, 11, day);

    private static PriceFrom[] Weekly(decimal price) => [new PriceFrom(new DateOnly(2020, 1, 1), price)];

    [Fact]
    public void Period_BothDaysIncluded() => Assert.Equal(30, November.Days);

    [Fact]
    public void Period_Month_EndsOnTheMonthsLastDay()
    {
        Assert.Equal(new BillingPeriod(new DateOnly(2028, 2, 1), new DateOnly(2028, 2, 29)), BillingPeriod.Month(new DateOnly(2028, 2, 17)));
        Assert.Equal(28, BillingPeriod.Month(new DateOnly(2027, 2, 1)).Days);
    }

    [Fact]
    public void Spot_ActiveAllPeriod_EveryDayAtASeventhOfTheWeeklyPrice() =>
        // 30 × 700 / 7
        Assert.Equal(new Charge(30, 3000m), ChargeRules.Spot(November, new DateOnly(2026, 6, 1), null, Weekly(700m)));

    [Fact]
    public void Spot_StartingInsideThePeriod_ChargedFromItsStartDate() =>
        Assert.Equal(new Charge(21, 2100m), ChargeRules.Spot(November, Nov(10), null, Weekly(700m)));

    [Fact]
    public void Spot_StartingOnTheFirstDay_ChargedTheWholePeriod() =>
        Assert.Equal(30, ChargeRules.Spot(November, Nov(1), null, Weekly(700m)).Days);

    [Fact]
    public void Spot_StartingOnTheLastDay_ChargedOneDay() =>
        Assert.Equal(new Charge(1, 100m), ChargeRules.Spot(November, Nov(30), null, Weekly(700m)));

    [Fact]
    public void Spot_StartingAfterThePeriod_ChargedNothing() =>
        Assert.Equal(Charge.None, ChargeRules.Spot(November, new DateOnly(2026, 12, 1), null, Weekly(700m)));

    [Fact]
    public void Spot_EndingInsideThePeriod_TheDayOfLeavingIsNotCharged() =>
        // 1 to 19 November: the child left on the 20th.
        Assert.Equal(new Charge(19, 1900m), ChargeRules.Spot(November, new DateOnly(2026, 10, 1), Nov(20), Weekly(700m)));

    [Fact]
    public void Spot_EndingOnTheFirstDay_ChargedNothing() =>
        Assert.Equal(Charge.None, ChargeRules.Spot(November, new DateOnly(2026, 10, 1), Nov(1), Weekly(700m)));

    [Fact]
    public void Spot_EndingOnTheDayAfterThePeriod_ChargedEveryDayOfIt() =>
        Assert.Equal(30, ChargeRules.Spot(November, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 1), Weekly(700m)).Days);

    [Fact]
    public void Spot_EndingOnTheLastDay_ChargedUpToTheDayBefore() =>
        Assert.Equal(29, ChargeRules.Spot(November, new DateOnly(2026, 10, 1), Nov(30), Weekly(700m)).Days);

    [Fact]
    public void Spot_EndedBeforeThePeriod_ChargedNothing() =>
        Assert.Equal(Charge.None, ChargeRules.Spot(November, new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 15), Weekly(700m)));

    [Fact]
    public void Spot_StartAndEndInsideThePeriod() =>
        Assert.Equal(new Charge(5, 500m), ChargeRules.Spot(November, Nov(3), Nov(8), Weekly(700m)));

    [Fact]
    public void Spot_EndingTheDayItStarted_ChargedThatOneDay() =>
        Assert.Equal(new Charge(1, 100m), ChargeRules.Spot(November, Nov(12), Nov(12), Weekly(700m)));

    [Fact]
    public void Spot_PriceChangeOnADate_EachDayAtThePriceInForce()
    {
        // 700 a week to the 14th, 1,400 a week from the 15th: 14 × 100 + 16 × 200.
        PriceFrom[] prices = [new(new DateOnly(2026, 6, 1), 700m), new(Nov(15), 1400m)];

        Assert.Equal(new Charge(30, 4600m), ChargeRules.Spot(November, new DateOnly(2026, 6, 1), null, prices));
    }

    [Fact]
    public void Spot_PriceChangesOutsideThePeriod_OnlyTheOneInForceCounts()
    {
        PriceFrom[] prices = [new(new DateOnly(2026, 12, 1), 1400m), new(new DateOnly(2026, 6, 1), 700m), new(new DateOnly(2026, 9, 1), 350m)];

        Assert.Equal(new Charge(30, 1500m), ChargeRules.Spot(November, new DateOnly(2026, 6, 1), null, prices));
    }

    [Fact]
    public void Spot_RoundedOnceForTheLineNotPerDay()
    {
        // £1,000 a week is £142.857142… a day: 30 days is £4,285.714…, so £4,285.71; per-day rounding would give £4,285.80.
        Assert.Equal(new Charge(30, 4285.71m), ChargeRules.Spot(November, Nov(1), null, Weekly(1000m)));
    }

    [Fact]
    public void Spot_HalfAPennyRoundsUp() =>
        // £1.715 a week is exactly £0.245 a day: half a penny, rounded up to £0.25.
        Assert.Equal(0.25m, ChargeRules.Spot(November, Nov(30), null, Weekly(1.715m)).Amount);

    [Fact]
    public void Spot_SiblingGroup_EachChildCharged_RoundedOnceForTheLine() =>
        // Two children at £1,000 a week each for 30 days: 2 × 4,285.714… = 8,571.428… → £8,571.43 (not 2 × £4,285.71).
        Assert.Equal(new Charge(30, 8571.43m), ChargeRules.Spot(November, Nov(1), null, Weekly(1000m), children: 2));

    [Fact]
    public void Spot_LeapYearFebruary_Has29Days()
    {
        var february = BillingPeriod.Month(new DateOnly(2028, 2, 1));

        Assert.Equal(new Charge(29, 2900m), ChargeRules.Spot(february, new DateOnly(2027, 12, 1), null, Weekly(700m)));
        Assert.Equal(new Charge(2, 200m), ChargeRules.Spot(february, new DateOnly(2028, 2, 28), null, Weekly(700m)));
    }

    [Fact]
    public void Spot_NoPrice_IsAProgrammingError() =>
        Assert.Throws<ArgumentException>(() => ChargeRules.Spot(November, Nov(1), null, []));

    [Fact]
    public void Block_EveryPlaceWhateverItsOccupancy() =>
        // 3 places at 700 a week for 30 days: 3 × 30 × 100.
        Assert.Equal(new Charge(30, 9000m), ChargeRules.Block(November, new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31), 3, 700m));

    [Fact]
    public void Block_StartingInsideThePeriod_FromItsStartDate() =>
        Assert.Equal(new Charge(16, 1600m), ChargeRules.Block(November, Nov(15), new DateOnly(2027, 11, 14), 1, 700m));

    [Fact]
    public void Block_EndingInsideThePeriod_ItsLastDayIncluded() =>
        Assert.Equal(new Charge(10, 2000m), ChargeRules.Block(November, new DateOnly(2025, 11, 11), Nov(10), 2, 700m));

    [Fact]
    public void Block_OutsideThePeriod_ChargedNothing()
    {
        Assert.Equal(Charge.None, ChargeRules.Block(November, new DateOnly(2026, 12, 1), new DateOnly(2027, 11, 30), 2, 700m));
        Assert.Equal(Charge.None, ChargeRules.Block(November, new DateOnly(2025, 11, 1), new DateOnly(2026, 10, 31), 2, 700m));
    }

    [Fact]
    public void Block_LeapDayIsCharged() =>
        Assert.Equal(new Charge(29, 5800m), ChargeRules.Block(BillingPeriod.Month(new DateOnly(2028, 2, 1)), new DateOnly(2027, 4, 1), new DateOnly(2028, 3, 31), 2, 700m));

    [Fact]
    public void Block_OddPriceRoundedOnce() =>
        // 4 places × £999.99 × 30 / 7 = £17,142.685714… → £17,142.69.
        Assert.Equal(17142.69m, ChargeRules.Block(November, Nov(1), Nov(30), 4, 999.99m).Amount);
}

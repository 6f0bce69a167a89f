using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Placements;
using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Core.Tests.Billing;

/// <summary>A block contract's terms over time, folded from its variations, and what billing charges on them.</summary>
public class BlockTermsTests
{
    private static readonly Guid User = Guid.NewGuid();

    private static BlockContract Contract(int places = 2, decimal price = 3500m) => new()
    {
        LocalAuthorityId = Guid.NewGuid(), ProviderId = Guid.NewGuid(), LotId = Guid.NewGuid(), Places = places, WeeklyPricePerPlace = price,
        StartDate = new DateOnly(2026, 4, 1), EndDate = new DateOnly(2027, 3, 31), CreatedByUserId = User, CreatedAt = new DateTime(2026, 3, 1),
    };

    private static BlockContractVariation Variation(DateOnly from, int? places, decimal? price, int recordedMinute) => new()
    {
        BlockContractId = Guid.Empty, EffectiveFrom = from, Places = places, WeeklyPricePerPlace = price, Reason = "Agreed", AgreedByUserId = User,
        AgreedByName = "A commissioner", RecordedAt = new DateTime(2026, 11, 1, 9, recordedMinute, 0),
    };

    [Fact]
    public void Fold_AChangeRecordedLaterButDatedEarlier_NeverUndoesOneDatedAfterIt()
    {
        var price = Variation(new DateOnly(2026, 12, 21), null, 3640m, 1);
        var places = Variation(new DateOnly(2026, 12, 11), 3, null, 2);

        var terms = BlockTerms.Fold(Contract(), [price, places]);

        Assert.Equal([new BlockTerms(new DateOnly(2026, 4, 1), 2, 3500m), new BlockTerms(new DateOnly(2026, 12, 11), 3, 3500m), new BlockTerms(new DateOnly(2026, 12, 21), 3, 3640m)],
            terms);
    }

    [Fact]
    public void Fold_TwoOnOneDay_TheLaterRecordedWins_AndTheFirstTermsAreKeptOnceVaried()
    {
        var contract = Contract();
        contract.FirstPlaces = 2;
        contract.FirstWeeklyPricePerPlace = 3500m;
        contract.Places = 1;
        contract.WeeklyPricePerPlace = 9999m;

        var terms = BlockTerms.Fold(contract, [Variation(new DateOnly(2027, 1, 1), 4, null, 5), Variation(new DateOnly(2027, 1, 1), 1, null, 6)]);

        Assert.Equal([new BlockTerms(new DateOnly(2026, 4, 1), 2, 3500m), new BlockTerms(new DateOnly(2027, 1, 1), 1, 3500m)], terms);
    }

    [Fact]
    public void FillablePlaces_AReductionComing_CountsFromToday()
    {
        var terms = BlockTerms.Fold(Contract(places: 4), [Variation(new DateOnly(2027, 2, 1), 2, null, 1), Variation(new DateOnly(2027, 3, 1), 5, null, 2)]);

        Assert.Equal(2, BlockTerms.FillablePlaces(terms, new DateOnly(2026, 12, 1)));
        Assert.Equal(4, BlockTerms.On(terms, new DateOnly(2026, 12, 1)).Places);
        Assert.Equal(5, BlockTerms.FillablePlaces(terms, new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void Block_AVariationInsideThePeriod_EachDayOnItsOwnTerms_RoundedOnce() =>
        // 10 days of 2 places at £500, 10 of 3 at £500, 11 of 3 at £520.
        Assert.Equal(new Charge(31, 42160m), ChargeRules.Block(new BillingPeriod(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)),
            new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31),
            [new BlockTerms(new DateOnly(2026, 4, 1), 2, 3500m), new BlockTerms(new DateOnly(2026, 12, 11), 3, 3500m), new BlockTerms(new DateOnly(2026, 12, 21), 3, 3640m)]));

    /// <summary>
    /// For many random sets of variations, a year billed month by month comes to the exact sum of every day's places
    /// times a seventh of its price, each month within half a penny of it: nothing charged twice, nothing missed.
    /// </summary>
    [Fact]
    public void Block_AnyVariations_MonthByMonth_AddUpToEveryDayOnItsTerms()
    {
        var random = new Random(20261204);
        for (var trial = 0; trial < 300; trial++)
        {
            var contract = Contract(places: random.Next(1, 6), price: random.Next(200_000, 600_000) / 100m);
            var variations = Enumerable.Range(0, random.Next(0, 6)).Select(i => Variation(contract.StartDate.AddDays(random.Next(0, 365)),
                random.Next(2) == 0 ? random.Next(1, 8) : null, random.Next(2) == 0 ? random.Next(200_000, 700_000) / 100m : null, i)).ToList();
            var terms = BlockTerms.Fold(contract, variations);

            var billed = 0m;
            var exact = 0m;
            for (var month = contract.StartDate; month <= contract.EndDate; month = month.AddMonths(1))
            {
                var period = BillingPeriod.Month(month);
                var charge = ChargeRules.Block(period, contract.StartDate, contract.EndDate, terms);
                var days = 0m;
                for (var day = period.Start; day <= period.End; day = day.AddDays(1))
                {
                    var on = BlockTerms.On(terms, day);
                    days += on.Places * on.WeeklyPricePerPlace / 7m;
                }
                Assert.True(Math.Abs(charge.Amount - days) <= 0.005m, $"trial {trial}, {period.Start:yyyy-MM}: charged {charge.Amount}, days come to {days}");
                Assert.Equal(period.Days, charge.Days);
                billed += charge.Amount;
                exact += days;
            }
            Assert.True(Math.Abs(billed - exact) <= 0.06m, $"trial {trial}: a year billed {billed}, days come to {exact}");
        }
    }
}

using PlacementBroker.Core.Matching;
using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Core.Tests.Sufficiency;

public class BenchmarkTests
{
    [Fact]
    public void Benchmark_FewerAcceptedPricesThanTheMinimum_FallsBackToTheConfiguredBenchmarkAndBand()
    {
        var benchmark = PriceBenchmarkRules.From(5200m, 5800m, [5000m, 5100m, 6000m]);

        Assert.False(benchmark.QuartilesFromAcceptedPrices);
        Assert.Equal(5200m, benchmark.Benchmark);
        Assert.Equal(5800m, benchmark.UpperQuartile);
    }

    [Fact]
    public void Benchmark_NoBand_TheBenchmarkItselfIsTheCeiling() =>
        Assert.Equal(5200m, PriceBenchmarkRules.From(5200m, null, []).UpperQuartile);

    [Fact]
    public void Benchmark_EnoughAcceptedPrices_UsesTheirUpperQuartile()
    {
        var prices = Enumerable.Range(1, PriceBenchmarkRules.MinimumSample).Select(i => 4000m + i * 100).ToList();

        var benchmark = PriceBenchmarkRules.From(5200m, 5800m, prices);

        Assert.True(benchmark.QuartilesFromAcceptedPrices);
        // 4,100 to 5,000 in steps of 100: the upper quartile by linear interpolation is 4,775.
        Assert.Equal(4775m, benchmark.UpperQuartile);
        Assert.Equal(5200m, benchmark.Benchmark);
    }

    [Fact]
    public void Benchmark_EnoughPricesButNoConfiguredBenchmark_UsesTheirMedian() =>
        Assert.Equal(4550m, PriceBenchmarkRules.From(null, null, Enumerable.Range(1, 10).Select(i => 4000m + i * 100).ToList()).Benchmark);

    private static IEnumerable<AcceptedPrice> Prices(int count, decimal from, EnglishRegion? region, NeedsBand band) =>
        Enumerable.Range(0, count).Select(i => new AcceptedPrice(from + i * 100, region, band));

    [Fact]
    public void Table_EnoughInTheBandAndRegion_JudgesThatRegionsSettingsByTheirOwnQuartiles()
    {
        // Ten complex placements in the North West (4,000 to 4,900) and ten complex ones elsewhere in the lot's band.
        var accepted = Prices(10, 4000m, EnglishRegion.NorthWest, NeedsBand.Complex)
            .Concat(Prices(10, 6000m, EnglishRegion.London, NeedsBand.Complex)).ToList();

        var table = PriceBenchmarkRules.Table(5200m, 5800m, NeedsBand.Complex, accepted);

        var northWest = table.For(EnglishRegion.NorthWest);
        Assert.Equal("complex needs in the North West", northWest.Scope);
        Assert.Equal(4450m, northWest.Benchmark);
        Assert.Equal(4675m, northWest.UpperQuartile);
        Assert.Equal("complex needs in London", table.For(EnglishRegion.London).Scope);
        // Elsewhere: the band across the lot, twenty prices 4,000–4,900 and 6,000–6,900.
        var elsewhere = table.For(EnglishRegion.SouthWest);
        Assert.Equal("complex needs", elsewhere.Scope);
        Assert.Equal(5450m, elsewhere.Benchmark);
        Assert.Same(elsewhere, table.For(null));
    }

    [Fact]
    public void Table_TooFewInTheRegionsBand_FallsBackToTheBandAcrossTheLot()
    {
        var accepted = Prices(9, 4000m, EnglishRegion.NorthWest, NeedsBand.Complex)
            .Concat(Prices(1, 9000m, EnglishRegion.London, NeedsBand.Complex))
            .Concat(Prices(10, 3000m, EnglishRegion.NorthWest, NeedsBand.Standard)).ToList();

        var table = PriceBenchmarkRules.Table(5200m, 5800m, NeedsBand.Complex, accepted);

        // The North West has 19 prices across bands, but the band across the lot (10) comes first.
        Assert.Equal("complex needs", table.For(EnglishRegion.NorthWest).Scope);
        Assert.Empty(table.ByRegion);
    }

    [Fact]
    public void Table_TooFewInTheBand_FallsBackToTheRegionAcrossBandsThenTheLot()
    {
        var accepted = Prices(10, 3000m, EnglishRegion.NorthWest, NeedsBand.Standard)
            .Concat(Prices(3, 7000m, EnglishRegion.London, NeedsBand.Specialist)).ToList();

        var table = PriceBenchmarkRules.Table(5200m, 5800m, NeedsBand.Specialist, accepted);

        Assert.Equal("the North West", table.For(EnglishRegion.NorthWest).Scope);
        Assert.Equal(3450m, table.For(EnglishRegion.NorthWest).Benchmark);
        // London has 3 prices: the whole lot's 13 decide, with the commissioner's benchmark kept as the benchmark.
        var london = table.For(EnglishRegion.London);
        Assert.Null(london.Scope);
        Assert.True(london.QuartilesFromAcceptedPrices);
        Assert.Equal(5200m, london.Benchmark);
    }

    [Fact]
    public void Table_TooFewAnywhere_IsTheConfiguredBenchmarkAndBandEverywhere()
    {
        var table = PriceBenchmarkRules.Table(5200m, 5800m, NeedsBand.Standard, [.. Prices(9, 4000m, EnglishRegion.NorthWest, NeedsBand.Standard)]);

        var benchmark = table.For(EnglishRegion.NorthWest);
        Assert.False(benchmark.QuartilesFromAcceptedPrices);
        Assert.Equal(5200m, benchmark.Benchmark);
        Assert.Equal(5800m, benchmark.UpperQuartile);
    }

    [Fact]
    public void Table_SettingsWithNoRegion_AreCountedInTheLotButNoRegion()
    {
        var table = PriceBenchmarkRules.Table(null, null, NeedsBand.Standard, [.. Prices(10, 4000m, null, NeedsBand.Complex)]);

        Assert.Empty(table.ByRegion);
        Assert.Equal(4450m, table.For(EnglishRegion.London).Benchmark);
    }

    [Fact]
    public void Markets_TheLotThenEachBandAndItsRegions_MarkingThoseWithEnoughPrices()
    {
        var accepted = Prices(10, 4000m, EnglishRegion.NorthWest, NeedsBand.Complex)
            .Concat(Prices(3, 6000m, EnglishRegion.London, NeedsBand.Complex))
            .Concat(Prices(2, 3000m, null, NeedsBand.Standard)).ToList();

        var markets = PriceBenchmarkRules.Markets(accepted);

        Assert.Equal(new (NeedsBand?, EnglishRegion?, int, bool)[]
            {
                (null, null, 15, true), (NeedsBand.Standard, null, 2, false), (NeedsBand.Complex, null, 13, true),
                (NeedsBand.Complex, EnglishRegion.NorthWest, 10, true), (NeedsBand.Complex, EnglishRegion.London, 3, false),
            },
            markets.Select(m => (m.Band, m.Region, m.Prices.Count, m.UsedInMatching)));
        Assert.Equal(4450m, markets[3].Prices.Median);
    }

    [Theory]
    [InlineData(new Need[0], NeedsBand.Standard)]
    [InlineData(new[] { Need.Autism }, NeedsBand.Standard)]
    [InlineData(new[] { Need.SelfHarm }, NeedsBand.Complex)]
    [InlineData(new[] { Need.Autism, Need.LearningDisability }, NeedsBand.Complex)]
    [InlineData(new[] { Need.Autism, Need.LearningDisability, Need.EducationOutOfSchool }, NeedsBand.Complex)]
    [InlineData(new[] { Need.Autism, Need.LearningDisability, Need.EducationOutOfSchool, Need.PhysicalDisability }, NeedsBand.Specialist)]
    [InlineData(new[] { Need.SelfHarm, Need.ChildSexualExploitation }, NeedsBand.Specialist)]
    [InlineData(new[] { Need.SelfHarm, Need.SelfHarm }, NeedsBand.Complex)]
    public void NeedsBand_FollowsTheRule(Need[] needs, NeedsBand expected) => Assert.Equal(expected, NeedsBands.For(needs));

    [Theory]
    [InlineData("LS6 2AB", EnglishRegion.YorkshireAndTheHumber)]
    [InlineData("m1 1ae", EnglishRegion.NorthWest)]
    [InlineData("SW1A 1AA", EnglishRegion.London)]
    [InlineData("B1 1AA", EnglishRegion.WestMidlands)]
    [InlineData("BS1 4DJ", EnglishRegion.SouthWest)]
    [InlineData("CF10 1AA", null)]
    [InlineData("EH1 1YZ", null)]
    [InlineData("", null)]
    public void Region_FromThePostcodeArea(string postcode, EnglishRegion? expected) => Assert.Equal(expected, Regions.FromPostcode(postcode));

    [Theory]
    [InlineData("Yorkshire and The Humber", EnglishRegion.YorkshireAndTheHumber)]
    [InlineData("yorkshire and humber", EnglishRegion.YorkshireAndTheHumber)]
    [InlineData("East of England", EnglishRegion.EastOfEngland)]
    [InlineData(" North West ", EnglishRegion.NorthWest)]
    [InlineData("Wales", null)]
    [InlineData("", null)]
    public void Region_FromOfstedsName(string name, EnglishRegion? expected) => Assert.Equal(expected, Regions.Parse(name));

    [Fact]
    public void Quartiles_MatchASpreadsheet()
    {
        var q = Statistics.Quartiles([1000m, 2000m, 3000m, 4000m, 10000m]);

        Assert.Equal(2000m, q.P25);
        Assert.Equal(3000m, q.Median);
        Assert.Equal(4000m, q.P75);
        Assert.Equal(5, q.Count);
    }

    [Fact]
    public void Quartiles_Empty_AreUnknown()
    {
        var q = Statistics.Quartiles([]);

        Assert.Null(q.Median);
        Assert.Equal(0, q.Count);
    }

    [Fact]
    public void Median_EvenCount_IsTheMeanOfTheMiddleTwo() => Assert.Equal(2.5m, Statistics.Median([1m, 2m, 3m, 4m]));
}

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

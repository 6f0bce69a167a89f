namespace PlacementBroker.Core.Dps;

public class DpsLot
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DpsId { get; set; }
    public DynamicPurchasingSystem? Dps { get; set; }
    public required string Name { get; set; }
    public PlacementType PlacementType { get; set; }
    public decimal? BenchmarkWeeklyPrice { get; set; }
    public decimal? PriceBandLower { get; set; }
    public decimal? PriceBandUpper { get; set; }
    public List<LotQuestion> Questions { get; set; } = [];
}

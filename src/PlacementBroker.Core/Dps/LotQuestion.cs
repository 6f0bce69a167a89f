namespace PlacementBroker.Core.Dps;

/// <summary>A pass/fail selection question of a lot.</summary>
public class LotQuestion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LotId { get; set; }
    /// <summary>The commissioner's own key for the question ("q1"), which applications answer by.</summary>
    public required string Key { get; set; }
    public required string Text { get; set; }
    public string? Guidance { get; set; }
    public int Order { get; set; }
}

namespace PlacementBroker.Core.Placements;

/// <summary>Places an authority has bought in advance from a provider, in a lot, at a fixed weekly price per place.</summary>
public class BlockContract
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LocalAuthorityId { get; set; }
    public Guid ProviderId { get; set; }
    public Guid LotId { get; set; }
    public Guid? SettingId { get; set; }
    public int Places { get; set; }
    /// <summary>Places occupied now. Changed only by conditional updates, so it never exceeds <see cref="Places"/>.</summary>
    public int PlacesTaken { get; set; }
    public decimal WeeklyPricePerPlace { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

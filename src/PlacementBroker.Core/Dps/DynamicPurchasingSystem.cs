namespace PlacementBroker.Core.Dps;

/// <summary>A Dynamic Purchasing System owned by a lead authority, possibly shared with participating authorities.</summary>
public class DynamicPurchasingSystem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public Guid LeadLocalAuthorityId { get; set; }
    public Identity.LocalAuthority? LeadLocalAuthority { get; set; }
    public DpsRegime Regime { get; set; }
    /// <summary>Working days for a decision on an application.</summary>
    public int DecisionPeriodDays { get; set; }
    public DpsStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public List<DpsParticipant> Participants { get; set; } = [];
    public List<DpsLot> Lots { get; set; } = [];
    /// <summary>How much each criterion counts when this DPS's offers are ranked.</summary>
    public RankingWeightSettings Weights { get; set; } = new();
}

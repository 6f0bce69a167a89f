namespace PlacementBroker.Core.Dps;

/// <summary>A provider's application to join a lot.</summary>
public class LotApplication
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LotId { get; set; }
    public DpsLot? Lot { get; set; }
    public Guid ProviderId { get; set; }
    public Providers.Provider? Provider { get; set; }
    public ApplicationStatus Status { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateOnly? DecisionDueBy { get; set; }
    public string? ExtensionReason { get; set; }
    public DateTime? ExtendedAt { get; set; }
    public Guid? ExtendedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public string? DecisionReason { get; set; }
    public string? EvidenceReference { get; set; }
    public List<ApplicationAnswer> Answers { get; set; } = [];
}

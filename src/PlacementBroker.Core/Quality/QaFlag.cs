namespace PlacementBroker.Core.Quality;

/// <summary>A QA officer's concern about a provider or one of its settings.</summary>
public class QaFlag
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProviderId { get; set; }
    public Guid? SettingId { get; set; }
    /// <summary>The authority whose QA officer raised it. Flags are shared with every authority: they are about providers, not children.</summary>
    public Guid LocalAuthorityId { get; set; }
    public FlagCategory Category { get; set; }
    public FlagSeverity Severity { get; set; }
    public required string Description { get; set; }
    public string? EvidenceReferences { get; set; }
    public FlagStatus Status { get; set; }
    public Guid RaisedByUserId { get; set; }
    public DateTime RaisedAt { get; set; }
    public Guid? ResolvedByUserId { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? Resolution { get; set; }
}

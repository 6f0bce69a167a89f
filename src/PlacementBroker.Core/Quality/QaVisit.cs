namespace PlacementBroker.Core.Quality;

/// <summary>A QA visit to a setting, on the standard form.</summary>
public class QaVisit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SettingId { get; set; }
    public Guid ProviderId { get; set; }
    public Guid LocalAuthorityId { get; set; }
    public DateOnly VisitDate { get; set; }
    public VisitType Type { get; set; }
    public string? Visitor { get; set; }
    public string? Findings { get; set; }
    public VisitOutcome? Outcome { get; set; }
    public DateOnly? ReportCompletedOn { get; set; }
    public DateOnly? ReportReviewedOn { get; set; }
    /// <summary>References to monthly independent visitor (Regulation 44) reports seen as evidence.</summary>
    public string? Regulation44Reports { get; set; }
    public Guid RecordedByUserId { get; set; }
    public DateTime RecordedAt { get; set; }
}

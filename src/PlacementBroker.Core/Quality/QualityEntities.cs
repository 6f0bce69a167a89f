namespace PlacementBroker.Core.Quality;

public enum FlagCategory
{
    Concern,
    Complaint,
    Safeguarding,
    RegulatoryAction,
}

public enum FlagSeverity
{
    Low,
    Medium,
    High,
    /// <summary>An open critical flag makes the provider red: suspended from its lots and out of matching.</summary>
    Critical,
}

public enum FlagStatus
{
    Open,
    Resolved,
}

/// <summary>A QA officer's concern about a provider or one of its settings.</summary>
public class QaFlag
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ProviderId { get; init; }
    public Guid? SettingId { get; init; }
    /// <summary>The authority whose QA officer raised it. Flags are shared with every authority: they are about providers, not children.</summary>
    public required Guid LocalAuthorityId { get; init; }
    public FlagCategory Category { get; set; }
    public FlagSeverity Severity { get; set; }
    public required string Description { get; set; }
    public string? EvidenceReferences { get; set; }
    public FlagStatus Status { get; set; }
    public required Guid RaisedByUserId { get; init; }
    public required DateTime RaisedAt { get; init; }
    public Guid? ResolvedByUserId { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? Resolution { get; set; }
}

public enum VisitType
{
    Annual,
    PrePlacement,
    Concern,
    FollowUp,
}

public enum VisitOutcome
{
    Satisfactory,
    ImprovementsNeeded,
    Unsatisfactory,
}

/// <summary>A QA visit to a setting, on the standard form.</summary>
public class QaVisit
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid SettingId { get; init; }
    public required Guid ProviderId { get; init; }
    public required Guid LocalAuthorityId { get; init; }
    public DateOnly VisitDate { get; set; }
    public VisitType Type { get; set; }
    public string? Visitor { get; set; }
    public string? Findings { get; set; }
    public VisitOutcome? Outcome { get; set; }
    public DateOnly? ReportCompletedOn { get; set; }
    public DateOnly? ReportReviewedOn { get; set; }
    /// <summary>References to monthly independent visitor (Regulation 44) reports seen as evidence.</summary>
    public string? Regulation44Reports { get; set; }
    public required Guid RecordedByUserId { get; init; }
    public required DateTime RecordedAt { get; init; }
}

/// <summary>One entry in a setting's Ofsted history: each change of grade or inspection date, from an import or by hand.</summary>
public class SettingInspection
{
    public long Id { get; init; }
    public required Guid SettingId { get; init; }
    public required OfstedGrade Grade { get; init; }
    public DateOnly? InspectionDate { get; init; }
    public OfstedGrade? PreviousGrade { get; init; }
    public required string Source { get; init; }
    public required DateTime RecordedAt { get; init; }
}

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

/// <summary>One entry in a setting's Ofsted history: each change of grade or inspection date, from an import or by hand.</summary>
public class SettingInspection
{
    public long Id { get; set; }
    public Guid SettingId { get; set; }
    public OfstedGrade Grade { get; set; }
    public DateOnly? InspectionDate { get; set; }
    public OfstedGrade? PreviousGrade { get; set; }
    public required string Source { get; set; }
    public DateTime RecordedAt { get; set; }
}

namespace PlacementBroker.Core.Quality;

public sealed record RaiseFlagRequest(Guid? ProviderId, Guid? SettingId, FlagCategory? Category, FlagSeverity? Severity, string? Description, string? EvidenceReferences = null);

public sealed record UpdateFlagRequest(FlagCategory? Category, FlagSeverity? Severity, string? Description, string? EvidenceReferences);

public sealed record ResolveFlagRequest(string? Resolution);

public sealed record RecordVisitRequest(
    Guid? SettingId, DateOnly? VisitDate, VisitType? Type, VisitOutcome? Outcome = null, DateOnly? ReportCompletedOn = null,
    DateOnly? ReportReviewedOn = null, string? Visitor = null, string? Findings = null, string? Regulation44Reports = null);

public sealed record QaStatusView(string Status, IReadOnlyList<string> Reasons);

public sealed record WorkQueueItem(Guid SettingId, string SettingName, Guid ProviderId, string ProviderName, WorkKind Kind, DateOnly DueBy, bool Overdue, string Description);

public sealed record FlagView(
    Guid Id, Guid ProviderId, Guid? SettingId, FlagCategory Category, FlagSeverity Severity, string Description, string? EvidenceReferences,
    FlagStatus Status, DateTime RaisedAt, string RaisedBy, string RaisedByAuthority, DateTime? ResolvedAt, string? Resolution, Guid RaisedByAuthorityId);

public sealed record VisitView(
    Guid Id, Guid SettingId, string SettingName, DateOnly VisitDate, VisitType Type, string? Visitor, string? Findings, VisitOutcome? Outcome,
    DateOnly? ReportCompletedOn, DateOnly? ReportReviewedOn, string? Regulation44Reports, string Authority);

public sealed record InspectionView(Guid SettingId, OfstedGrade Grade, DateOnly? InspectionDate, OfstedGrade? PreviousGrade, string Source, DateTime RecordedAt);

public sealed record SettingQaView(Guid Id, string Name, string OfstedUrn, OfstedGrade Grade, DateOnly? LastInspection, bool Closed, IReadOnlyList<InspectionView> History);

public sealed record QaProfile(
    Guid ProviderId, string ProviderName, QaStatusView Status, IReadOnlyList<FlagView> Flags, IReadOnlyList<VisitView> Visits,
    IReadOnlyList<SettingQaView> Settings, IReadOnlyList<WorkItem> Due);

public sealed record ImportRejectedRow(int Line, string Reason);

public sealed record OfstedImportResult(int RowsRead, int SettingsUpdated, int Downgrades, IReadOnlyList<ImportRejectedRow> RejectedRows);

/// <param name="Registered">The day the setting was registered with the platform: the clock of a grade with no inspection date starts there.</param>
public sealed record SettingFacts(Guid Id, string Name, OfstedGrade Grade, DateOnly? LastInspection, DateOnly? Registered = null);

public sealed record VisitFacts(Guid SettingId, DateOnly Date, DateOnly? ReportCompletedOn, DateOnly? ReportReviewedOn);

public sealed record PlacementFacts(Guid SettingId, DateOnly StartDate);

public sealed record FlagFacts(Guid Id, Guid? SettingId, FlagSeverity Severity, DateOnly RaisedOn, string Description);

/// <summary>Everything the timetable needs to know about one provider.</summary>
public sealed record ProviderQaFacts(
    Guid ProviderId, DateOnly? AdmittedToDpsOn, IReadOnlyList<SettingFacts> Settings, IReadOnlyList<VisitFacts> Visits,
    IReadOnlyList<PlacementFacts> ActivePlacements, IReadOnlyList<FlagFacts> OpenFlags);

public sealed record WorkItem(Guid ProviderId, Guid SettingId, WorkKind Kind, DateOnly DueBy, bool Overdue, string Description);

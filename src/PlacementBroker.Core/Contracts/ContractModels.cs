namespace PlacementBroker.Core.Contracts;

public sealed record CreateKpiRequest(
    string? Code, string? Name, string? Description, KpiUnit? Unit, decimal? Target, bool? HigherIsBetter, List<Guid>? LotIds = null, KpiMeasure? Measure = null);

public sealed record KpiView(
    Guid Id, Guid DpsId, string Code, string Name, string? Description, KpiUnit Unit, decimal Target, bool HigherIsBetter,
    IReadOnlyList<Guid> LotIds, KpiMeasure? Measure, bool Measured, string Frequency, DateTime CreatedAt);

public sealed record ReturnValueInput(Guid? KpiId, decimal? Value = null, string? Commentary = null);

public sealed record SubmitReturnRequest(List<ReturnValueInput>? Values);

public enum ReturnDecision
{
    Accepted,
    Queried,
}

public sealed record ReviewReturnRequest(ReturnDecision? Decision, string? Comment);

public sealed record KpiReturnValueView(
    Guid KpiId, string Code, string Name, KpiUnit Unit, decimal Target, bool HigherIsBetter, decimal? Value, bool Measured, bool BelowTarget,
    string? Commentary, string? Basis);

public sealed record KpiReturnEventView(KpiReturnStatus Status, DateTime OccurredAt, string? By, string? Comment);

public sealed record KpiReturnView(
    Guid? Id, Guid ProviderId, string ProviderName, Guid DpsId, string DpsName, string Quarter, string Months, DateOnly QuarterStart,
    DateOnly QuarterEnd, KpiReturnStatus Status, DateOnly DueBy, bool Overdue, bool BelowTarget, DateTime? SubmittedAt, DateTime? ReviewedAt,
    string? ReviewComment, DateOnly? ResubmitBy, DateOnly? MeasuredThrough, IReadOnlyList<KpiReturnValueView> Values, IReadOnlyList<KpiReturnEventView> History)
{
    /// <summary>The provider can still change it: a draft, or a return the commissioner queried.</summary>
    public bool Editable => Status is KpiReturnStatus.Draft or KpiReturnStatus.Queried;
}

/// <summary>One return in a queue or a list, without its values.</summary>
public sealed record KpiReturnSummary(
    Guid Id, Guid ProviderId, string ProviderName, Guid DpsId, string DpsName, string Quarter, KpiReturnStatus Status, DateOnly DueBy,
    bool Overdue, bool BelowTarget, DateTime? SubmittedAt);

public sealed record ReviewActionInput(string? Description, string? Owner, DateOnly? DueDate);

public sealed record ReviewAgenda(
    string? OutcomesForChildren = null, string? OutstandingQaActions = null, string? FeeStructures = null, string? Variations = null,
    string? DemandAndSufficiency = null, string? EqualityAndDiversity = null);

public sealed record CreateContractReviewRequest(
    Guid? ProviderId, Guid? DpsId, DateOnly? Date, RiskRating? RiskRating, string? Minutes = null, List<ReviewActionInput>? Actions = null,
    ReviewAgenda? Agenda = null);

public sealed record RecordReviewRequest(string? Minutes, ReviewAgenda? Agenda = null, List<ReviewActionInput>? Actions = null, RiskRating? RiskRating = null);

public sealed record CompleteActionRequest(string? Note);

public sealed record ReviewActionView(Guid Id, string Description, string Owner, DateOnly DueDate, bool Overdue, DateTime? CompletedAt, string? CompletionNote);

public sealed record ContractReviewView(
    Guid Id, Guid ProviderId, string ProviderName, Guid DpsId, string DpsName, DateOnly Date, RiskRating RiskRating, ContractReviewStatus Status,
    DateOnly NextReviewDue, string? Minutes, ReviewAgenda Agenda, IReadOnlyList<ReviewActionView> Actions, DateTime CreatedAt);

public sealed record MilestoneInput(string? Description, DateOnly? DueDate);

public sealed record CreateImprovementPlanRequest(
    Guid? ProviderId, Guid? DpsId, string? Reason, List<MilestoneInput>? Milestones, ImprovementPlanSource? Source = null, Guid? SourceId = null);

public sealed record MilestoneProgressRequest(string? Note, bool? Completed);

public sealed record ClosePlanRequest(ImprovementPlanStatus? Outcome, string? Reason, EscalationAction? MembershipAction = null);

public sealed record MilestoneProgressView(string Note, bool Completed, DateTime RecordedAt, string? By);

public sealed record MilestoneView(
    Guid Id, string Description, DateOnly DueDate, bool Overdue, DateTime? CompletedAt, DateTime? EscalatedAt, IReadOnlyList<MilestoneProgressView> Progress);

public sealed record ImprovementPlanView(
    Guid Id, Guid ProviderId, string ProviderName, Guid DpsId, string DpsName, string Reason, ImprovementPlanSource Source, Guid? SourceId,
    ImprovementPlanStatus Status, DateTime RaisedAt, DateTime? ClosedAt, string? CloseReason, IReadOnlyList<MilestoneView> Milestones);

/// <summary>What a review pack opens with: the facts the agenda discusses, read from the platform.</summary>
public sealed record ReviewPack(
    Guid ProviderId, string ProviderName, Guid DpsId, string DpsName, string QaStatus, IReadOnlyList<string> QaReasons, int OpenQaFlags,
    IReadOnlyList<SettingGradeView> Settings, int ActivePlacements, int PlacementsStartedLast12Months, decimal AnnualSpend,
    RiskRating SuggestedRiskRating, IReadOnlyList<string> RiskReasons, IReadOnlyList<KpiTrend> KpiTrends, DateOnly? LastReview, DateOnly NextReviewDue,
    IReadOnlyList<ReviewActionView> OpenActions, IReadOnlyList<ImprovementPlanSummary> Plans);

public sealed record SettingGradeView(Guid Id, string Name, OfstedGrade Grade, DateOnly? LastInspection, IReadOnlyList<string> History);

public sealed record KpiTrendPoint(string Quarter, decimal? Value, bool BelowTarget, KpiReturnStatus Status);

public sealed record KpiTrend(Guid KpiId, string Code, string Name, KpiUnit Unit, decimal Target, bool HigherIsBetter, bool Measured, IReadOnlyList<KpiTrendPoint> Points);

public sealed record ImprovementPlanSummary(Guid Id, Guid ProviderId, string ProviderName, ImprovementPlanStatus Status, string Reason, int Milestones, int Completed, int Overdue, DateTime RaisedAt);

public sealed record ReviewDue(Guid ProviderId, string ProviderName, DateOnly? LastReview, RiskRating? RiskRating, DateOnly DueBy, bool Overdue, Guid? ScheduledReviewId, DateOnly? ScheduledFor);

/// <summary>The contract-management home of a DPS: what is due, late or needs a decision.</summary>
public sealed record ContractOverview(
    Guid DpsId, string DpsName, bool Lead, int Kpis, IReadOnlyList<KpiReturnSummary> Returns, IReadOnlyList<ReviewDue> ReviewsDue,
    IReadOnlyList<ImprovementPlanSummary> OpenPlans, IReadOnlyList<ProviderBelowTarget> BelowTarget)
{
    public IEnumerable<KpiReturnSummary> Due => Returns.Where(r => r.Status == KpiReturnStatus.Draft && !r.Overdue);
    public IEnumerable<KpiReturnSummary> Overdue => Returns.Where(r => r.Overdue);
    public IEnumerable<KpiReturnSummary> Queried => Returns.Where(r => r.Status == KpiReturnStatus.Queried);
    public IEnumerable<KpiReturnSummary> AwaitingReview => Returns.Where(r => r.Status == KpiReturnStatus.Submitted);
}

public sealed record ProviderBelowTarget(Guid ProviderId, string ProviderName, string Quarter, Guid ReturnId, IReadOnlyList<string> Kpis);

/// <summary>A provider's contract record on a DPS: KPI trends, returns, reviews and plans; and, for a council, its own placements' figures.</summary>
public sealed record ContractRecord(
    Guid ProviderId, string ProviderName, Guid DpsId, string DpsName, IReadOnlyList<KpiTrend> Trends, IReadOnlyList<KpiReturnSummary> Returns,
    IReadOnlyList<ContractReviewView> Reviews, IReadOnlyList<ImprovementPlanSummary> Plans, IReadOnlyList<KpiTrend> YourAuthority);

public sealed record DpsContractsSummary(Guid DpsId, string Name, bool Lead, int Kpis, int AwaitingReview, int Overdue, int OpenPlans);

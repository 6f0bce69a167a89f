namespace PlacementBroker.Core.Contracts;

public enum KpiUnit
{
    Percent,
    Count,
    Days,
    Money,
}

/// <summary>A figure the platform measures itself, so a KPI that names one is filled in on every return (see docs/contract-management.md).</summary>
public enum KpiMeasure
{
    /// <summary>Referrals received in the quarter answered with an offer or a decline, as a percent.</summary>
    ResponseRate,
    /// <summary>Referrals received in the quarter answered with an offer by the referral's offer deadline, as a percent.</summary>
    OffersWithinDeadline,
    /// <summary>Placements ended in the quarter by disruption within 12 weeks of starting.</summary>
    DisruptionsWithin12Weeks,
    /// <summary>QA flags open on the provider at the end of the quarter.</summary>
    QaStatus,
    /// <summary>The provider's graded settings rated Good or Outstanding at the end of the quarter, as a percent.</summary>
    OfstedGoodOrBetterPercent,
}

/// <summary>A key performance indicator a DPS's lead authority agrees with its providers, returned quarterly.</summary>
public class Kpi
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid DpsId { get; init; }
    /// <summary>The commissioner's short code ("KPI1", "RESP"), unique within the DPS.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public KpiUnit Unit { get; set; }
    public decimal Target { get; set; }
    public bool HigherIsBetter { get; set; }
    /// <summary>The lots it applies to; empty for every lot of the DPS.</summary>
    public List<Guid> LotIds { get; set; } = [];
    public KpiMeasure? Measure { get; set; }
    public int Order { get; set; }
    public required DateTime CreatedAt { get; init; }
    public Guid? CreatedByUserId { get; init; }

    /// <summary>Whether <paramref name="value"/> misses the target: below it when higher is better, above it when lower is.</summary>
    public bool Misses(decimal? value) => value is { } v && (HigherIsBetter ? v < Target : v > Target);
}

public enum KpiReturnStatus
{
    Draft,
    Submitted,
    Queried,
    Accepted,
}

/// <summary>A provider's quarterly KPI return to a DPS: one per provider, DPS and quarter.</summary>
public class KpiReturn
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ProviderId { get; init; }
    public Providers.Provider? Provider { get; set; }
    public required Guid DpsId { get; init; }
    public DynamicPurchasingSystem? Dps { get; set; }
    /// <summary>The quarter as <c>2026-Q3</c>.</summary>
    public required string Quarter { get; init; }
    public required DateOnly QuarterStart { get; init; }
    public required DateOnly QuarterEnd { get; init; }
    /// <summary>20 working days after the quarter ends.</summary>
    public required DateOnly DueBy { get; init; }
    public KpiReturnStatus Status { get; set; }
    /// <summary>Any KPI of the last submission missed its target.</summary>
    public bool BelowTarget { get; set; }
    public required DateTime CreatedAt { get; init; }
    /// <summary>Changed on every save: two people submitting or reviewing at once cannot both win.</summary>
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public Guid? SubmittedByUserId { get; set; }
    public int Submissions { get; set; }
    /// <summary>The last day the submitted measured figures cover: the quarter's end, or the day of an early submission.</summary>
    public DateOnly? MeasuredThrough { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public Guid? ReviewedByUserId { get; set; }
    public string? ReviewComment { get; set; }
    /// <summary>Set when a commissioner queries it: the provider has until then (or the due date, if later) before it is overdue.</summary>
    public DateOnly? ResubmitBy { get; set; }
    /// <summary>When the provider was told the return is due (once).</summary>
    public DateTime? DueNoticeSentAt { get; set; }
    /// <summary>When the provider and the commissioners were told it is overdue (once).</summary>
    public DateTime? OverdueNoticeSentAt { get; set; }
    public List<KpiReturnValue> Values { get; set; } = [];
    public List<KpiReturnEvent> History { get; set; } = [];
}

/// <summary>One KPI's figure on a return: measured by the platform, or reported by the provider.</summary>
public class KpiReturnValue
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid KpiReturnId { get; init; }
    public required Guid KpiId { get; init; }
    public decimal? Value { get; set; }
    public bool Measured { get; set; }
    public bool BelowTarget { get; set; }
    public string? Commentary { get; set; }
    /// <summary>What a measured figure was worked out from ("3 of 5 referrals…"), kept as it was when submitted.</summary>
    public string? Basis { get; set; }
}

/// <summary>A step in a return's life: submitted, queried, accepted; who, when and the comment.</summary>
public class KpiReturnEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid KpiReturnId { get; init; }
    public required KpiReturnStatus ToStatus { get; init; }
    public required DateTime OccurredAt { get; init; }
    public Guid? ByUserId { get; init; }
    public string? Comment { get; init; }
}

public enum RiskRating
{
    Low,
    Medium,
    High,
}

public enum ContractReviewStatus
{
    Scheduled,
    Held,
}

/// <summary>A contract review of a provider on a DPS: scheduled, then held on the fixed agenda, with actions tracked to completion.</summary>
public class ContractReview
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ProviderId { get; init; }
    public required Guid DpsId { get; init; }
    public DateOnly Date { get; set; }
    public RiskRating RiskRating { get; set; }
    public ContractReviewStatus Status { get; set; }
    public string? Minutes { get; set; }
    public string? OutcomesForChildren { get; set; }
    public string? OutstandingQaActions { get; set; }
    public string? FeeStructures { get; set; }
    public string? Variations { get; set; }
    public string? DemandAndSufficiency { get; set; }
    public string? EqualityAndDiversity { get; set; }
    public required DateTime CreatedAt { get; init; }
    public required Guid CreatedByUserId { get; init; }
    public DateTime UpdatedAt { get; set; }
    public List<ContractReviewAction> Actions { get; set; } = [];
}

public class ContractReviewAction
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ContractReviewId { get; init; }
    public required string Description { get; set; }
    /// <summary>Who does it: a person or team, on either side.</summary>
    public required string Owner { get; set; }
    public DateOnly DueDate { get; set; }
    public DateTime? CompletedAt { get; set; }
    public Guid? CompletedByUserId { get; set; }
    public string? CompletionNote { get; set; }
}

public enum ImprovementPlanStatus
{
    Open,
    Completed,
    Escalated,
}

public enum ImprovementPlanSource
{
    ContractReview,
    KpiReturn,
    QaConcern,
    Other,
}

/// <summary>What an escalated plan does to the provider's memberships of the DPS.</summary>
public enum EscalationAction
{
    Suspend,
    Remove,
}

/// <summary>A service improvement plan: milestones the provider reports progress against, closed completed or escalated.</summary>
public class ImprovementPlan
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ProviderId { get; init; }
    public required Guid DpsId { get; init; }
    public required string Reason { get; set; }
    public ImprovementPlanSource Source { get; set; }
    /// <summary>The review, return or QA flag it was raised from.</summary>
    public Guid? SourceId { get; set; }
    public ImprovementPlanStatus Status { get; set; }
    public required DateTime RaisedAt { get; init; }
    public required Guid RaisedByUserId { get; init; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public Guid? ClosedByUserId { get; set; }
    public string? CloseReason { get; set; }
    public List<PlanMilestone> Milestones { get; set; } = [];
}

public class PlanMilestone
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ImprovementPlanId { get; init; }
    public required string Description { get; set; }
    public DateOnly DueDate { get; set; }
    public int Order { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>When it fell overdue and the commissioners were told (once).</summary>
    public DateTime? EscalatedAt { get; set; }
    public List<MilestoneProgress> Progress { get; set; } = [];
}

public class MilestoneProgress
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PlanMilestoneId { get; init; }
    public required string Note { get; init; }
    public bool Completed { get; init; }
    public required DateTime RecordedAt { get; init; }
    public required Guid ByUserId { get; init; }
}

namespace PlacementBroker.Core.Dps;

public enum DpsRegime
{
    /// <summary>Public Contracts Regulations 2015 reg. 34: decide within 10 working days, extendable to 15.</summary>
    Pcr2015Dps,
    /// <summary>Procurement Act 2023 dynamic market: decide within the period the commissioner sets.</summary>
    ProcurementAct2023DynamicMarket,
}

public enum DpsStatus
{
    Draft,
    Open,
    Closed,
}

/// <summary>A Dynamic Purchasing System owned by a lead authority, possibly shared with participating authorities.</summary>
public class DynamicPurchasingSystem
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required Guid LeadLocalAuthorityId { get; init; }
    public Identity.LocalAuthority? LeadLocalAuthority { get; set; }
    public DpsRegime Regime { get; set; }
    /// <summary>Working days for a decision on an application.</summary>
    public int DecisionPeriodDays { get; set; }
    public DpsStatus Status { get; set; }
    public required DateTime CreatedAt { get; init; }
    public DateTime? PublishedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public Guid? CreatedByUserId { get; init; }
    public List<DpsParticipant> Participants { get; set; } = [];
    public List<DpsLot> Lots { get; set; } = [];
    /// <summary>How much each criterion counts when this DPS's offers are ranked.</summary>
    public RankingWeightSettings Weights { get; set; } = new();
}

/// <summary>Per-DPS multipliers of each ranking criterion's points; 1 is the default, 0 turns a criterion off.</summary>
public class RankingWeightSettings
{
    public double Needs { get; set; } = 1;
    public double OfstedGrade { get; set; } = 1;
    public double Price { get; set; } = 1;
    public double Distance { get; set; } = 1;
    public double QaStatus { get; set; } = 1;
    public double TrackRecord { get; set; } = 1;

    public Matching.RankingWeights ToWeights() => new(Needs, OfstedGrade, Price, Distance, QaStatus, TrackRecord);
}

public class DpsParticipant
{
    public Guid DpsId { get; init; }
    public required Guid LocalAuthorityId { get; init; }
    public Identity.LocalAuthority? LocalAuthority { get; set; }
}

public class DpsLot
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DpsId { get; init; }
    public DynamicPurchasingSystem? Dps { get; set; }
    public required string Name { get; set; }
    public PlacementType PlacementType { get; set; }
    public decimal? BenchmarkWeeklyPrice { get; set; }
    public decimal? PriceBandLower { get; set; }
    public decimal? PriceBandUpper { get; set; }
    public List<LotQuestion> Questions { get; set; } = [];
}

/// <summary>A pass/fail selection question of a lot.</summary>
public class LotQuestion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid LotId { get; init; }
    /// <summary>The commissioner's own key for the question ("q1"), which applications answer by.</summary>
    public required string Key { get; set; }
    public required string Text { get; set; }
    public string? Guidance { get; set; }
    public int Order { get; set; }
}

public enum ApplicationStatus
{
    Draft,
    Submitted,
    Admitted,
    Rejected,
    Withdrawn,
}

/// <summary>A provider's application to join a lot.</summary>
public class LotApplication
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid LotId { get; init; }
    public DpsLot? Lot { get; set; }
    public required Guid ProviderId { get; init; }
    public Providers.Provider? Provider { get; set; }
    public ApplicationStatus Status { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateOnly? DecisionDueBy { get; set; }
    public string? ExtensionReason { get; set; }
    public DateTime? ExtendedAt { get; set; }
    public Guid? ExtendedByUserId { get; set; }
    public required DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public string? DecisionReason { get; set; }
    public string? EvidenceReference { get; set; }
    public List<ApplicationAnswer> Answers { get; set; } = [];
}

public class ApplicationAnswer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; init; }
    public required string QuestionKey { get; set; }
    public required string Answer { get; set; }
    public string? EvidenceReference { get; set; }
}

public enum MembershipStatus
{
    Admitted,
    Suspended,
    Withdrawn,
    Removed,
}

/// <summary>A provider's place on a lot, from admission on.</summary>
public class LotMembership
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid LotId { get; init; }
    public DpsLot? Lot { get; set; }
    public required Guid ProviderId { get; init; }
    public Providers.Provider? Provider { get; set; }
    public Guid? ApplicationId { get; set; }
    public MembershipStatus Status { get; set; }
    public DateTime AdmittedAt { get; set; }
    /// <summary>Set while the membership is suspended because the provider is QA red; resolving the flag reinstates it.</summary>
    public bool SuspendedForQa { get; set; }
    public List<MembershipEvent> History { get; set; } = [];

    /// <summary>
    /// A new membership, admitted: the first event of its history (from no status to admitted). The caller adds both to the context.
    /// </summary>
    public static (LotMembership Membership, MembershipEvent Event) Admit(Guid lotId, Guid providerId, Guid? applicationId, Guid? byUserId, string reason, DateTime at)
    {
        var membership = new LotMembership { LotId = lotId, ProviderId = providerId, ApplicationId = applicationId, Status = MembershipStatus.Admitted, AdmittedAt = at };
        return (membership, membership.Event(null, MembershipStatus.Admitted, byUserId, reason, at));
    }

    /// <summary>
    /// The one way an existing membership changes status: <see cref="MembershipRules"/> decides whether
    /// <paramref name="action"/> is lawful from the current status. When it is, the status changes, the QA-suspension mark
    /// is cleared unless the membership stays suspended, and the returned event (from, to, when, who, why) is the one the
    /// caller adds to the context. When it is not, nothing changes and the result is null: <see cref="MembershipRules.Refusal"/> says why.
    /// </summary>
    public MembershipEvent? ChangeStatus(MembershipAction action, DpsRegime regime, Guid? byUserId, string reason, DateTime at)
    {
        var to = MembershipRules.Apply(Status, action, regime);
        if (to is null)
        {
            return null;
        }
        var change = Event(Status, to.Value, byUserId, reason, at);
        Status = to.Value;
        if (to != MembershipStatus.Suspended)
        {
            SuspendedForQa = false;
        }
        return change;
    }

    private MembershipEvent Event(MembershipStatus? from, MembershipStatus to, Guid? byUserId, string reason, DateTime at) => new()
    {
        MembershipId = Id, FromStatus = from, ToStatus = to, OccurredAt = at, ByUserId = byUserId, Reason = reason,
    };
}

/// <summary>One change of a membership: who, when, why.</summary>
public class MembershipEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid MembershipId { get; init; }
    public MembershipStatus? FromStatus { get; init; }
    public required MembershipStatus ToStatus { get; init; }
    public required DateTime OccurredAt { get; init; }
    public Guid? ByUserId { get; init; }
    public required string Reason { get; init; }
}

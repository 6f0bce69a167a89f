namespace PlacementBroker.Core.Dps;

public sealed record QuestionInput(string? Id, string? Text, string? Guidance);

public sealed record CreateDpsRequest(
    string? Name, List<Guid>? ParticipatingLocalAuthorityIds, DpsRegime? Regime, int? DecisionPeriodDays, bool? Draft);

public sealed record AddLotRequest(
    string? Name, PlacementType? PlacementType, decimal? BenchmarkWeeklyPrice, List<QuestionInput>? Questions,
    decimal? PriceBandLower = null, decimal? PriceBandUpper = null);

public sealed record ApplyRequest(
    Guid? ProviderId, Dictionary<string, System.Text.Json.JsonElement>? Answers, string? EvidenceReference = null, bool? Draft = null,
    Dictionary<string, string>? EvidenceReferences = null);

public enum AdmissionDecision
{
    Admit,
    Reject,
}

public sealed record DecisionRequest(AdmissionDecision? Decision, string? Reason);

public sealed record ReasonRequest(string? Reason);

public sealed record QuestionView(string Id, string Text, string? Guidance);

public sealed record LotView(
    Guid Id, Guid DpsId, string Name, PlacementType PlacementType, decimal? BenchmarkWeeklyPrice, decimal? PriceBandLower,
    decimal? PriceBandUpper, IReadOnlyList<QuestionView> Questions);

public sealed record DpsView(
    Guid Id, string Name, DpsRegime Regime, DpsStatus Status, int DecisionPeriodDays, Guid LeadLocalAuthorityId,
    string LeadLocalAuthorityName, IReadOnlyList<Guid> ParticipatingLocalAuthorityIds, DateTime? PublishedAt,
    IReadOnlyList<LotView> Lots);

public sealed record ApplicationQueueItem(
    Guid Id, Guid ProviderId, string ProviderName, Guid LotId, string LotName, Guid DpsId, string DpsName,
    ApplicationStatus Status, DateTime? SubmittedAt, DateOnly? DecisionDueBy, bool Overdue, int? WorkingDaysLeft, bool Extended,
    string? DecisionReason = null);

public sealed record AnswerView(string QuestionId, string? QuestionText, string Answer, string? EvidenceReference, bool LooksLikeFail);

public sealed record ApplicationView(
    Guid Id, Guid ProviderId, string ProviderName, Guid LotId, string LotName, Guid DpsId, string DpsName, DpsRegime Regime,
    ApplicationStatus Status, DateTime? SubmittedAt, DateOnly? DecisionDueBy, bool Overdue, bool Extended, string? ExtensionReason,
    DateTime? DecidedAt, string? DecisionReason, string? EvidenceReference, IReadOnlyList<AnswerView> Answers, Guid? MembershipId);

public sealed record MembershipEventView(MembershipStatus? From, MembershipStatus To, DateTime At, string Reason, string? By);

public sealed record MembershipView(
    Guid Id, Guid ProviderId, string ProviderName, Guid LotId, string LotName, Guid DpsId, string DpsName, DpsRegime Regime,
    MembershipStatus Status, DateTime AdmittedAt, IReadOnlyList<MembershipEventView> History);

public sealed record ApplicationCreated(Guid Id, ApplicationStatus Status, DateOnly? DecisionDueBy);

public sealed record DecisionResult(ApplicationStatus Status, Guid? MembershipId);

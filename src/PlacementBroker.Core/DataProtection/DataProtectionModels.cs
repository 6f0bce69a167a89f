using System.Text.Json;

namespace PlacementBroker.Core.DataProtection;

/// <summary>The auditor's filters; every one optional. Dates are days in England, inclusive.</summary>
public sealed record AuditFilter(DateOnly? From, DateOnly? To, string? Action, string? UserEmail, string? EntityType, string? EntityId);

/// <summary>One audit entry as the auditor sees it.</summary>
public sealed record AuditEntryView(
    long Id, DateTime OccurredAt, string? ActorEmail, Guid? ActorUserId, string Action, string EntityType, string? EntityId,
    Guid? LocalAuthorityId, Guid? ProviderId, string? Detail, string? IpAddress, long? Sequence, string? Hash);

/// <summary>Everything the platform holds about one child for that child's council: the answer to a subject access request.</summary>
public sealed record SubjectAccessExport(
    DateTime GeneratedAt, Guid LocalAuthorityId, string CaseReference, string GeneratedBy,
    IReadOnlyList<Referral> Referrals, IReadOnlyList<Offer> Offers, IReadOnlyList<Placement> Placements, IReadOnlyList<Approval> Approvals,
    IReadOnlyList<AuditEntryView> AuditEntries, IReadOnlyList<SubjectAccessEmail> Emails,
    IReadOnlyList<SubjectAccessUnfinishedReferral> UnfinishedReferrals)
{
    /// <summary>The documents attached to the child's referrals: what each is, who may see it and when, not the files (downloaded one by one, each audited).</summary>
    public IReadOnlyList<Sharing.ReferralDocument> Documents { get; init; } = [];
    /// <summary>Providers' questions about the child's referrals, and the answers.</summary>
    public IReadOnlyList<Sharing.ReferralQuestion> Questions { get; init; } = [];
}

/// <summary>A referral an officer began on the question pages and has not finished: the answers so far, as saved.</summary>
public sealed record SubjectAccessUnfinishedReferral(Guid Id, Guid CreatedByUserId, DateTime CreatedAt, DateTime UpdatedAt, string CompletedSections, JsonElement Answers);

public sealed record SubjectAccessEmail(Guid Id, string To, string Subject, string Body, string? Reference, DateTime CreatedAt, DateTime? DeliveredAt, string? DeliveredBy);

/// <summary>What one run of the retention purge did.</summary>
public sealed record RetentionPurgeResult(int ReferralsAnonymised, int EmailBodiesPurged, int DocumentsDeleted = 0);

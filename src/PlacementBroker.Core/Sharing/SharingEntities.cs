namespace PlacementBroker.Core.Sharing;

/// <summary>What a document attached to a referral is.</summary>
public enum DocumentKind
{
    CarePlan,
    RiskAssessment,
    PlacementPlan,
    HealthAssessment,
    /// <summary>An education, health and care plan (EHCP) or personal education plan.</summary>
    EducationPlan,
    Other,
}

/// <summary>The stage at which a provider may see a document: once the officer shortlists its offer, or once it is placed.</summary>
public enum ShareStage
{
    Shortlisted,
    Placed,
}

/// <summary>
/// What a provider may see of a referral it was sent (spec 12). Every recipient sees the anonymised referral and the
/// provider summary; a shortlisted provider also sees the documents shared at shortlisting; the placed provider sees
/// every document and the child's identity.
/// </summary>
public enum SharingStage
{
    Recipient,
    Shortlisted,
    Placed,
}

/// <summary>
/// A document an officer attached to a referral: its bytes live in the document store (<see cref="IDocumentStore"/>)
/// under <see cref="StorageKey"/>; this row says what it is, who may see it and when it goes.
/// </summary>
public class ReferralDocument
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ReferralId { get; init; }
    public required Guid LocalAuthorityId { get; init; }
    public DocumentKind Kind { get; set; }
    public ShareStage ShareAt { get; set; }
    /// <summary>The name it was uploaded with, sanitised (<see cref="DocumentContent.SafeFileName"/>); "Deleted" once purged.</summary>
    public required string FileName { get; set; }
    /// <summary>The type found in its content, never the one the browser claimed.</summary>
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public string? Note { get; set; }
    public required string StorageKey { get; init; }
    /// <summary>SHA-256 of the bytes as uploaded, hex: a download is checked against it.</summary>
    public required string ContentHash { get; init; }
    public required Guid UploadedByUserId { get; init; }
    public required DateTime UploadedAt { get; init; }
    /// <summary>When the bytes were removed from the store (by the officer, or by retention); the row stays for the audit trail.</summary>
    public DateTime? DeletedAt { get; set; }
    public string? DeletedReason { get; set; }
}

/// <summary>
/// A provider's question about a referral it was sent, and the officer's answer: to the asking provider only, or to every
/// recipient. Other providers never learn who asked.
/// </summary>
public class ReferralQuestion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ReferralId { get; init; }
    public required Guid ProviderId { get; init; }
    public required Guid AskedByUserId { get; init; }
    public required string Text { get; set; }
    public required DateTime AskedAt { get; init; }
    public string? Answer { get; set; }
    public bool SharedWithAll { get; set; }
    public Guid? AnsweredByUserId { get; set; }
    public DateTime? AnsweredAt { get; set; }
}

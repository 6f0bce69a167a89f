using System.Text.Json.Serialization;

namespace PlacementBroker.Core.Sharing;

/// <summary>A document as a caller who may see it lists it.</summary>
public sealed record DocumentView(
    Guid Id, Guid ReferralId, DocumentKind Kind, ShareStage ShareAt, string FileName, string ContentType, long Size, string? Note, DateTime UploadedAt);

/// <summary>A document an officer is attaching: the bytes as received, and what the form said of them.</summary>
public sealed record DocumentUpload(string? FileName, byte[] Content, DocumentKind? Kind, ShareStage? ShareAt, string? Note);

/// <summary>A document to download: its bytes with the name and type it is served under.</summary>
public sealed record DocumentFile(Guid Id, string FileName, string ContentType, byte[] Content);

public sealed record QuestionRequest(string? Text);

public sealed record AnswerRequest(string? Text, bool? ShareWithAll);

/// <summary>
/// A question and its answer. The referral's authority sees which provider asked (<see cref="ProviderName"/>); a provider
/// sees its own questions (<see cref="Mine"/>) and the answers shared with all, never who asked them.
/// </summary>
public sealed record ReferralQuestionView(Guid Id, Guid ReferralId, string Text, string? Answer, bool SharedWithAll, DateTime AskedAt, DateTime? AnsweredAt)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ProviderName { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? ProviderId { get; init; }

    /// <summary>For a provider: whether its own users asked it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Mine { get; init; }
}

public sealed record ShortlistView(Guid OfferId, Guid ReferralId, bool Shortlisted, DateTime? ShortlistedAt);

/// <summary>What one provider may see of one referral, and why: its stage, and what is shared at it.</summary>
public sealed record ProviderSharing(SharingStage Stage, IReadOnlyList<DocumentView> Documents, IReadOnlyList<ReferralQuestionView> Questions);

// Live events of the contract's hub for questions: ids only, the caller reads the rest through the API.
public sealed record QuestionAskedEvent(Guid ReferralId, Guid QuestionId);

public sealed record QuestionAnsweredEvent(Guid ReferralId, Guid QuestionId);

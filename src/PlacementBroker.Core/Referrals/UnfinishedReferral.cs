namespace PlacementBroker.Core.Referrals;

/// <summary>
/// A referral an officer has started on the question pages and not yet finished: the answers so far, saved as they
/// go. It is not a <see cref="Referral"/>: a referral is always complete, and it is what the API and matching see.
/// Only the officer who started it sees or changes it; it holds the child's name, so every read is audited, and one
/// left untouched for <see cref="UnfinishedReferrals.KeepDays"/> days is deleted.
/// </summary>
public class UnfinishedReferral
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid LocalAuthorityId { get; init; }
    public required Guid CreatedByUserId { get; init; }
    /// <summary>The form's answers so far, as JSON: the pages' own shape, which the service does not read.</summary>
    public required string Answers { get; set; }
    /// <summary>The sections whose answers are complete and valid, by name, comma-separated ("placement,child").</summary>
    public string CompletedSections { get; set; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}

namespace PlacementBroker.Core.Identity;

/// <summary>
/// A one-time code sent in an email link. Only its SHA-256 hash is kept: the email carries the code, the database
/// cannot hand out a working link. It works once, until it expires.
/// </summary>
public class AccountLinkCode
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid UserId { get; init; }
    public required AccountLinkPurpose Purpose { get; init; }
    /// <summary>Lower-case hexadecimal SHA-256 of the code.</summary>
    public required string CodeHash { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

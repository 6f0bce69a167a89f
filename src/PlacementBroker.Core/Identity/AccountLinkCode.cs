namespace PlacementBroker.Core.Identity;

/// <summary>
/// A one-time code sent in an email link. Only its SHA-256 hash is kept: the email carries the code, the database
/// cannot hand out a working link. It works once, until it expires.
/// </summary>
public class AccountLinkCode
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public AccountLinkPurpose Purpose { get; set; }
    /// <summary>Lower-case hexadecimal SHA-256 of the code.</summary>
    public required string CodeHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

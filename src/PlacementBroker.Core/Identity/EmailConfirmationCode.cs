namespace PlacementBroker.Core.Identity;

/// <summary>
/// A one-time code sent by email to prove someone reads that address. Only the SHA-256 hash of the code is stored,
/// so a copy of the database confirms nothing; each code works once, before it expires.
/// </summary>
public class EmailConfirmationCode
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>Lower-case hex SHA-256 of the code in the link.</summary>
    public required string CodeHash { get; init; }
    /// <summary>The address the code was sent to: it confirms that address only, not one changed since.</summary>
    public required string Email { get; init; }
    /// <summary>The user whose sign-in address this confirms (their organisation's first user, for a registration).</summary>
    public Guid? UserId { get; init; }
    /// <summary>The provider this concerns: confirming its first user's address verifies it.</summary>
    public Guid? ProviderId { get; init; }
    /// <summary>Confirms the provider's contact address (where councils' referrals and notices are sent).</summary>
    public bool ConfirmsContactEmail { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

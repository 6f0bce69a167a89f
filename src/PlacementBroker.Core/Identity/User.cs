using Microsoft.AspNetCore.Identity;

namespace PlacementBroker.Core.Identity;

/// <summary>
/// A person who signs in. Belongs to one local authority or one provider; platform admins to neither.
/// </summary>
public class User : IdentityUser<Guid>
{
    public User() => Id = Guid.CreateVersion7();

    public required string DisplayName { get; set; }
    public Role Role { get; set; }
    public Guid? LocalAuthorityId { get; init; }
    public LocalAuthority? LocalAuthority { get; set; }
    public Guid? ProviderId { get; init; }
    public Providers.Provider? Provider { get; set; }
    /// <summary>A provider's administrator: may invite colleagues. The user who registers the organisation is one.</summary>
    public bool IsOrganisationAdmin { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? LastSignedInAt { get; set; }
    /// <summary>When an administrator disabled the account: it cannot sign in, and its sessions, tokens and live connections end.</summary>
    public DateTime? DisabledAt { get; set; }
}

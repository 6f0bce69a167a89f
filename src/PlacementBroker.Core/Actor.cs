namespace PlacementBroker.Core;

/// <summary>The signed-in person a service acts for, as established by authentication (never by the request body).</summary>
public sealed record Actor(Guid UserId, string Email, Role Role, Guid? LocalAuthorityId, Guid? ProviderId, string? IpAddress = null)
{
    public bool Is(Role role) => Role == role;
}

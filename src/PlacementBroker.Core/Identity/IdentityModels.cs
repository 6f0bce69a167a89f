namespace PlacementBroker.Core.Identity;

public sealed record CreateLocalAuthorityRequest(string? Name, string? Code);

public sealed record CreateUserRequest(
    string? Email, string? Password, string? DisplayName, Role? Role, Guid? LocalAuthorityId, Guid? ProviderId = null);

public sealed record RegisterProviderRequest(
    string? OrganisationName, ProviderType? ProviderType, string? RegistrationNumber, string? ContactEmail,
    NewProviderUser? User);

public sealed record NewProviderUser(string? Email, string? Password, string? DisplayName);

public sealed record ProviderRegistered(Guid ProviderId, Guid UserId);

public sealed record LocalAuthoritySummary
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Code { get; init; } = "";
}

public sealed record UserSummary
{
    public Guid Id { get; init; }
    public string DisplayName { get; init; } = "";
    public string Email { get; init; } = "";
    public Role Role { get; init; }
    public string? Organisation { get; init; }
    public DateTime? LastSignedInAt { get; init; }
    /// <summary>Disabled by an administrator: cannot sign in.</summary>
    public bool Disabled { get; init; }
    public DateTime? DisabledAt { get; init; }
}

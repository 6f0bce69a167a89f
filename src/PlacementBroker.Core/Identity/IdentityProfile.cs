using AutoMapper;

namespace PlacementBroker.Core.Identity;

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

/// <summary>Read models of the identity area. Writes never go through AutoMapper.</summary>
public class IdentityProfile : Profile
{
    public IdentityProfile()
    {
        CreateProjection<LocalAuthority, LocalAuthoritySummary>();
        CreateProjection<User, UserSummary>()
            .ForMember(d => d.Email, o => o.MapFrom(u => u.Email ?? ""))
            .ForMember(d => d.Disabled, o => o.MapFrom(u => u.DisabledAt != null))
            .ForMember(d => d.Organisation, o => o.MapFrom(u =>
                u.LocalAuthority != null ? u.LocalAuthority.Name : u.Provider != null ? u.Provider.Name : null));
    }
}

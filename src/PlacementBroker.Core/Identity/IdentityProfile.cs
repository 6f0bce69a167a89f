using AutoMapper;

namespace PlacementBroker.Core.Identity;

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

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PlacementBroker.Web.Auth;

/// <summary>Adds the role and the organisation to the signed-in identity; the token service uses the same claims.</summary>
public class UserClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims(ClaimsFor(user));
        return identity;
    }

    public static IEnumerable<Claim> ClaimsFor(User user)
    {
        yield return new Claim(PlacementBrokerClaims.Name, user.DisplayName);
        yield return new Claim(PlacementBrokerClaims.Role, user.Role.ToString());
        if (user.LocalAuthorityId is { } la)
        {
            yield return new Claim(PlacementBrokerClaims.LocalAuthority, la.ToString());
        }
        if (user.ProviderId is { } provider)
        {
            yield return new Claim(PlacementBrokerClaims.Provider, provider.ToString());
        }
        if (user.TwoFactorEnabled)
        {
            yield return new Claim(PlacementBrokerClaims.SecondFactor, "totp");
        }
    }
}

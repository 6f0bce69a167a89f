using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PlacementBroker.Web.Auth;

public sealed record IssuedToken(string AccessToken, DateTime ExpiresAt);

/// <summary>Issues the bearer tokens of the API and the hub.</summary>
public class TokenService(SigningKeyProvider keys, Microsoft.Extensions.Options.IOptions<PlacementBrokerOptions> options, TimeProvider clock)
{
    public IssuedToken Issue(User user)
    {
        var jwt = options.Value.Jwt;
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now.AddMinutes(jwt.LifetimeMinutes);
        var claims = new List<Claim>
        {
            new(PlacementBrokerClaims.UserId, user.Id.ToString()),
            new(PlacementBrokerClaims.UserName, user.UserName ?? user.Email ?? ""),
            new(PlacementBrokerClaims.Email, user.Email ?? ""),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            // Rotating the security stamp (password change, lockout) lets the host refuse older tokens.
            new("stamp", user.SecurityStamp ?? ""),
        };
        claims.AddRange(UserClaimsFactory.ClaimsFor(user));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, expires);
    }
}

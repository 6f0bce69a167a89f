using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
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

/// <summary>
/// The key that signs bearer tokens: from configuration, or generated once into the data folder so a single
/// node works with no set-up. Several nodes must share a configured key.
/// </summary>
public class SigningKeyProvider
{
    public SigningKeyProvider(PlacementBrokerOptions options, IHostEnvironment environment, ILogger<SigningKeyProvider> logger)
    {
        var configured = options.Jwt.SigningKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured));
            return;
        }
        var path = Path.Combine(DatabaseExtensions.DataFolder(environment, options), "jwt-signing.key");
        if (!File.Exists(path))
        {
            var bytes = RandomNumberGenerator.GetBytes(64);
            File.WriteAllText(path, Convert.ToBase64String(bytes));
            logger.LogWarning("No PlacementBroker:Jwt:SigningKey is configured; generated one at {Path}. Configure a shared key when running several nodes.", path);
        }
        Key = new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    public SymmetricSecurityKey Key { get; }
}

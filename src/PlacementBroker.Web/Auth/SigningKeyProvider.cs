using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Auth;

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

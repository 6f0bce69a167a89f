using System.Security.Cryptography;
using System.Text;

namespace PlacementBroker.Core.Identity;

/// <summary>
/// The code an emailed link carries (invitations, password resets, email confirmations): 256 random bits, URL-safe.
/// Only its SHA-256 hash is ever stored, so the database holds nothing that opens an account.
/// </summary>
public static class LinkCode
{
    public static string New() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim())));
}

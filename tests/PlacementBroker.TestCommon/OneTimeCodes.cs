using OtpNet;

namespace PlacementBroker.TestCommon;

/// <summary>
/// Codes from an authenticator app for a known secret (RFC 6238: SHA-1, 6 digits, 30 s), as a person's phone would show.
/// The service accepts each time step once and one step either side of now, so <see cref="Next"/> hands out each
/// step once: the one before now, then now, then the next.
/// </summary>
public sealed class OneTimeCodes(string secret)
{
    private readonly Lock _gate = new();
    private long _lastStep = long.MinValue;

    public string Secret => secret;

    public static long StepOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 30;

    /// <summary>The code an app shows at <paramref name="at"/>.</summary>
    public static string CodeAt(string secret, DateTimeOffset at) =>
        new Totp(Base32Encoding.ToBytes(secret), step: 30, mode: OtpHashMode.Sha1, totpSize: 6).ComputeTotp(at.UtcDateTime);

    public static string CodeForStep(string secret, long step) => CodeAt(secret, DateTimeOffset.FromUnixTimeSeconds(step * 30));

    /// <summary>A code the service has not accepted yet and will accept at <paramref name="now"/>; null when all three are used.</summary>
    public string? Next(DateTimeOffset now)
    {
        lock (_gate)
        {
            var step = StepOf(now);
            var candidate = Math.Max(step - 1, _lastStep == long.MinValue ? step - 1 : _lastStep + 1);
            if (candidate > step + 1)
            {
                return null;
            }
            _lastStep = candidate;
            return CodeForStep(secret, candidate);
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace PlacementBroker.Web.Auth;

/// <summary>
/// Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 seconds) as a second factor, and single-use recovery codes.
/// Required for platform admins, offered to everyone. The secret is kept encrypted (Data Protection); a code is
/// accepted within one step either side of now, and never twice: the last accepted step is stored, and a later code
/// must come from a later step. Recovery codes are stored as hashes.
/// </summary>
public class SecondFactor(UserManager<User> users, IDataProtectionProvider protection, TimeProvider clock, PlacementBrokerDbContext db)
{
    private const string Store = "PlacementBroker";
    private const string SecretToken = "TotpSecret";
    private const string LastStepToken = "TotpLastStep";
    private const string RecoveryToken = "RecoveryCodes";
    public const string Issuer = "PlacementBroker";
    public const int RecoveryCodeCount = 10;

    private IDataProtector Protector => protection.CreateProtector("PlacementBroker.SecondFactor.TotpSecret");

    /// <summary>Platform admins must have a second factor; without one they may do nothing but enrol.</summary>
    public static bool IsRequiredFor(User user) => user.Role == Role.PlatformAdmin;

    public static bool MustEnrol(User user) => IsRequiredFor(user) && !user.TwoFactorEnabled;

    /// <summary>Absent, or base32 of at least 128 bits (RFC 4226 asks for 160; 128 is its floor).</summary>
    public static bool IsValidSecret(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return true;
        }
        var compact = secret.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        return compact.Length >= 26 && compact.All(c => c is >= 'A' and <= 'Z' or >= '2' and <= '7');
    }

    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public static string OtpAuthUri(string account, string secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={secret}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";

    /// <summary>
    /// Turns the second factor on with <paramref name="secret"/> if <paramref name="code"/> is its current code.
    /// Returns the recovery codes to show once, or null when the code is wrong.
    /// </summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(User user, string secret, string? code)
    {
        if (!TryMatch(secret, code, out var step))
        {
            return null;
        }
        await StoreSecretAsync(user, secret, step);
        var recovery = await NewRecoveryCodesAsync(user);
        return recovery;
    }

    /// <summary>Sets the secret from configuration (the bootstrap admin), keeping the replay guard if it is unchanged.</summary>
    public async Task EnsureSecretAsync(User user, string secret)
    {
        var normalised = secret.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (user.TwoFactorEnabled && await ReadSecretAsync(user) == normalised)
        {
            return;
        }
        await StoreSecretAsync(user, normalised, long.MinValue);
    }

    /// <summary>Checks a current one-time code, or a recovery code (used up by the check).</summary>
    public async Task<bool> VerifyAsync(User user, string? code)
    {
        if (!user.TwoFactorEnabled || string.IsNullOrWhiteSpace(code))
        {
            return false;
        }
        var secret = await ReadSecretAsync(user);
        var compact = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
        if (secret is not null && compact.Length == 6 && TryMatch(secret, compact, out var step))
        {
            var last = long.TryParse(await users.GetAuthenticationTokenAsync(user, Store, LastStepToken), CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;
            if (step <= last)
            {
                return false;
            }
            // The user's concurrency stamp makes two requests racing with one code succeed once at most.
            return await SavedAsync(user, await users.SetAuthenticationTokenAsync(user, Store, LastStepToken, step.ToString(CultureInfo.InvariantCulture)));
        }
        var hashes = (await users.GetAuthenticationTokenAsync(user, Store, RecoveryToken) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var hash = Hash(compact.ToUpperInvariant());
        if (!hashes.Remove(hash))
        {
            return false;
        }
        return await SavedAsync(user, await users.SetAuthenticationTokenAsync(user, Store, RecoveryToken, string.Join(';', hashes)));
    }

    /// <summary>
    /// After losing a race (another request changed the account first), forgets this request's unsaved changes and reads
    /// the account again, so that what follows (counting the failure, the audit) saves cleanly.
    /// </summary>
    public async Task<bool> SavedAsync(User user, IdentityResult result)
    {
        if (result.Succeeded)
        {
            return true;
        }
        db.ChangeTracker.Clear();
        db.Attach(user);
        await db.Entry(user).ReloadAsync();
        return false;
    }

    public async Task<int> RecoveryCodesLeftAsync(User user) =>
        (await users.GetAuthenticationTokenAsync(user, Store, RecoveryToken) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Turns the second factor off after a current code. Platform admins must keep theirs.</summary>
    public async Task<bool> DisableAsync(User user, string? code)
    {
        if (IsRequiredFor(user) || !await VerifyAsync(user, code))
        {
            return false;
        }
        await users.RemoveAuthenticationTokenAsync(user, Store, SecretToken);
        await users.RemoveAuthenticationTokenAsync(user, Store, RecoveryToken);
        await users.RemoveAuthenticationTokenAsync(user, Store, LastStepToken);
        await users.SetTwoFactorEnabledAsync(user, false);
        return true;
    }

    private bool TryMatch(string secret, string? code, out long step)
    {
        step = 0;
        if (code is null || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }
        byte[] key;
        try
        {
            key = Base32Encoding.ToBytes(secret);
        }
        catch (ArgumentException)
        {
            return false;
        }
        return new Totp(key, step: 30, mode: OtpHashMode.Sha1, totpSize: 6)
            .VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out step, new VerificationWindow(previous: 1, future: 1));
    }

    private async Task StoreSecretAsync(User user, string secret, long acceptedStep)
    {
        await users.SetAuthenticationTokenAsync(user, Store, SecretToken, Protector.Protect(secret));
        // Written now so that later sign-ins only ever update this row, never race to insert it.
        await users.SetAuthenticationTokenAsync(user, Store, LastStepToken, acceptedStep.ToString(CultureInfo.InvariantCulture));
        // Turning it on rotates the security stamp: existing sessions and tokens of the account end.
        await users.SetTwoFactorEnabledAsync(user, true);
    }

    private async Task<string?> ReadSecretAsync(User user)
    {
        var stored = await users.GetAuthenticationTokenAsync(user, Store, SecretToken);
        if (stored is null)
        {
            return null;
        }
        try
        {
            return Protector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(User user)
    {
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        await users.SetAuthenticationTokenAsync(user, Store, RecoveryToken, string.Join(';', codes.Select(c => Hash(c.Replace("-", "", StringComparison.Ordinal)))));
        return codes;
    }

    private static string NewRecoveryCode()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = Enumerable.Range(0, 10).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
    }

    private static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}

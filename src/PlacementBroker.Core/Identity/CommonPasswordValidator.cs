using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace PlacementBroker.Core.Identity;

/// <summary>
/// Refuses passwords on the list of common and breached passwords shipped with the product (no network look-up),
/// and the same passwords dressed up: a listed word with digits or symbols before or after it ("Password123456!"),
/// or with the usual letter-for-digit swaps ("P@ssw0rd2026"). Also caps the length, so hashing stays cheap.
/// </summary>
public class CommonPasswordValidator : IPasswordValidator<User>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;
    public const string ResourceName = "PlacementBroker.Core.Identity.common-passwords.txt";

    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static IReadOnlySet<string> CommonPasswords => List.Value;

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (password.Length > MaximumLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = $"Password must be {MaximumLength} characters or fewer",
            }));
        }
        if (IsCommon(password) || IsAboutTheAccount(password, user))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "This password is too common and easy to guess: choose another, such as three or four random words",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (List.Value.Contains(lower))
        {
            return true;
        }
        var core = lower.Trim(NotLetter(lower));
        return core.Length > 0 && (List.Value.Contains(core) || List.Value.Contains(Unleet(core)));
    }

    /// <summary>The account's own email address or its name before the @ is no secret.</summary>
    private static bool IsAboutTheAccount(string password, User? user)
    {
        var email = user?.Email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email))
        {
            return false;
        }
        var lower = password.Trim().ToLowerInvariant();
        var local = email.Split('@')[0];
        return lower == email || (local.Length >= 4 && lower.Trim(NotLetter(lower)) == local);
    }

    private static char[] NotLetter(string value) => value.Where(c => !char.IsLetter(c)).Distinct().ToArray();

    private static string Unleet(string value) => new(value.Select(c => c switch
    {
        '0' => 'o',
        '1' or '!' => 'i',
        '3' => 'e',
        '4' or '@' => 'a',
        '5' or '$' => 's',
        '7' => 't',
        _ => c,
    }).ToArray());

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The common password list {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim();
            if (entry.Length > 0 && !entry.StartsWith('#'))
            {
                set.Add(entry.ToLowerInvariant());
            }
        }
        return set;
    }
}

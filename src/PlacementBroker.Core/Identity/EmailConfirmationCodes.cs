namespace PlacementBroker.Core.Identity;

/// <summary>Issues and redeems <see cref="EmailConfirmationCode"/>s.</summary>
public class EmailConfirmationCodes(PlacementBrokerDbContext db, TimeProvider clock)
{
    /// <summary>How long a confirmation link works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);

    /// <summary>Adds a code to the unit of work and returns the code itself, which is never stored: it goes in the email only.</summary>
    public string Issue(string email, Guid? userId, Guid? providerId, bool confirmsContactEmail)
    {
        var code = LinkCode.New();
        var now = clock.GetUtcNow().UtcDateTime;
        db.EmailConfirmationCodes.Add(new EmailConfirmationCode
        {
            CodeHash = Hash(code),
            Email = email.Trim(),
            UserId = userId,
            ProviderId = providerId,
            ConfirmsContactEmail = confirmsContactEmail,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        });
        return code;
    }

    /// <summary>
    /// Marks the code used, if it is known, unused and unexpired. One conditional update: of two requests racing with
    /// the same code exactly one wins. Returns the code's record, or null.
    /// </summary>
    public async Task<EmailConfirmationCode?> RedeemAsync(string? code, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 200)
        {
            return null;
        }
        var hash = Hash(code.Trim());
        var now = clock.GetUtcNow().UtcDateTime;
        var used = await db.EmailConfirmationCodes
            .Where(c => c.CodeHash == hash && c.UsedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        return used == 0 ? null : await db.EmailConfirmationCodes.AsNoTracking().SingleAsync(c => c.CodeHash == hash, ct);
    }

    public static string Hash(string code) => LinkCode.Hash(code);

}

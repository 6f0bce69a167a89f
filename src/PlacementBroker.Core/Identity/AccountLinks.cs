using Microsoft.AspNetCore.Identity;

namespace PlacementBroker.Core.Identity;

/// <summary>
/// The links emailed to people to choose a password: invitations and password resets. Each carries a random
/// one-time code; only its hash is stored, with an expiry, and using it once spends it.
/// </summary>
public class AccountLinks(PlacementBrokerDbContext db, UserManager<User> users, EmailOutbox emails, AuditTrail audit, TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan PasswordResetLifetime = TimeSpan.FromHours(1);
    /// <summary>At most this many reset emails an hour for one account, so the form cannot flood someone's inbox.</summary>
    public const int MaxResetEmailsPerHour = 3;

    public const string InvalidLink = "This link has expired or has already been used.";

    public static string Hash(string code) => LinkCode.Hash(code);

    /// <summary>Adds a new code to the unit of work and returns it: it is never stored, only its hash.</summary>
    public string Issue(Guid userId, AccountLinkPurpose purpose)
    {
        var code = LinkCode.New();
        var now = clock.GetUtcNow().UtcDateTime;
        db.AccountLinkCodes.Add(new AccountLinkCode
        {
            UserId = userId,
            Purpose = purpose,
            CodeHash = Hash(code),
            CreatedAt = now,
            ExpiresAt = now + (purpose == AccountLinkPurpose.Invitation ? InvitationLifetime : PasswordResetLifetime),
        });
        return code;
    }

    public static string LinkFor(string pageUrl, string code) => $"{pageUrl}?code={Uri.EscapeDataString(code)}";

    /// <summary>The account a code would open, when it is unused, unexpired and the account is enabled; otherwise null.</summary>
    public async Task<(User User, AccountLinkPurpose Purpose)?> FindAsync(string? code, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 200)
        {
            return null;
        }
        var hash = Hash(code);
        var now = clock.GetUtcNow().UtcDateTime;
        var link = await db.AccountLinkCodes.AsNoTracking()
            .Where(c => c.CodeHash == hash && c.UsedAt == null && c.ExpiresAt > now)
            .Select(c => new { c.UserId, c.Purpose })
            .SingleOrDefaultAsync(ct);
        if (link is null)
        {
            return null;
        }
        var user = await users.FindByIdAsync(link.UserId.ToString());
        return user is null || user.DisabledAt is not null ? null : (user, link.Purpose);
    }

    /// <summary>
    /// Spends the code and sets the password. A password the policy refuses leaves the code unspent, to try again;
    /// two uses of one code at once: one wins. Setting the password rotates the security stamp, ending other sessions.
    /// </summary>
    public async Task<Outcome<User>> SetPasswordAsync(string? code, string? password, string? ipAddress, CancellationToken ct = default)
    {
        var found = await FindAsync(code, ct);
        if (found is not { } link)
        {
            return Outcome<User>.Invalid("", InvalidLink);
        }
        var user = link.User;
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(password))
        {
            errors.Add("password", "Enter a password");
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                foreach (var error in (await validator.ValidateAsync(users, user, password)).Errors)
                {
                    errors.Add("password", error.Description);
                }
            }
        }
        if (errors.Any)
        {
            return Outcome<User>.Invalid(errors);
        }

        var hash = Hash(code!);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var spent = await db.AccountLinkCodes
            .Where(c => c.CodeHash == hash && c.UsedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        if (spent != 1)
        {
            return Outcome<User>.Invalid("", InvalidLink);
        }
        // Every other link of the account dies with this one.
        await db.AccountLinkCodes.Where(c => c.UserId == user.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password!);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            var failed = new FieldErrors();
            foreach (var error in result.Errors)
            {
                failed.Add("password", error.Description);
            }
            return Outcome<User>.Invalid(failed);
        }
        var actor = new Actor(user.Id, user.Email ?? "", user.Role, user.LocalAuthorityId, user.ProviderId, ipAddress);
        audit.Record(actor, link.Purpose == AccountLinkPurpose.Invitation ? AuditActions.PasswordCreated : AuditActions.PasswordReset,
            nameof(User), user.Id, localAuthorityId: user.LocalAuthorityId, providerId: user.ProviderId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<User>.Success(user);
    }

    /// <summary>
    /// Emails a reset link when the address belongs to an enabled account. The caller answers the same whatever
    /// happened here, so the form never reveals who has an account.
    /// </summary>
    public async Task RequestPasswordResetAsync(string? email, string resetPageUrl, string? ipAddress, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(email) || !EmailAddress.IsValid(email))
        {
            return;
        }
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.DisabledAt is not null)
        {
            audit.Record(null, AuditActions.PasswordResetRequested, nameof(User), user?.Id, $"no enabled account for {email.Trim()}");
            await db.SaveChangesAsync(ct);
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = new Actor(user.Id, user.Email ?? "", user.Role, user.LocalAuthorityId, user.ProviderId, ipAddress);
        var recent = await db.AccountLinkCodes.CountAsync(
            c => c.UserId == user.Id && c.Purpose == AccountLinkPurpose.PasswordReset && c.CreatedAt > now.AddHours(-1), ct);
        if (recent >= MaxResetEmailsPerHour)
        {
            audit.Record(actor, AuditActions.PasswordResetRequested, nameof(User), user.Id, "not sent: too many requests this hour");
            await db.SaveChangesAsync(ct);
            return;
        }
        var code = Issue(user.Id, AccountLinkPurpose.PasswordReset);
        // About the account's own address, so never held for confirmation of a provider's contact address.
        await emails.QueueConfirmationAsync(user.Email!, "Reset your PlacementBroker password",
            $"Someone asked to reset the password of your PlacementBroker account.\n\nChoose a new password within an hour: {LinkFor(resetPageUrl, code)}\n\nThe link works once. If you did not ask, ignore this email: your password has not changed.",
            ct: ct);
        audit.Record(actor, AuditActions.PasswordResetRequested, nameof(User), user.Id, "sent");
        await db.SaveChangesAsync(ct);
    }

}

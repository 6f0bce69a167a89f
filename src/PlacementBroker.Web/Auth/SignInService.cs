using Microsoft.AspNetCore.Identity;
using PlacementBroker.Core.Auditing;

namespace PlacementBroker.Web.Auth;

public enum SignInResultKind
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
    AddressThrottled,
    /// <summary>The password is right; the account has a second factor, so a current code must follow.</summary>
    SecondFactorRequired,
}

public sealed record SignInAttempt(SignInResultKind Kind, User? User, TimeSpan RetryAfter);

/// <summary>Checks a password for both the sign-in page and the token endpoint, with lockout and address throttling.</summary>
public class SignInService(
    UserManager<User> users, SignInManager<User> signIns, FailedSignInLimiter limiter, AuditTrail audit,
    PlacementBrokerDbContext db, TimeProvider clock, SecondFactor secondFactor, IPasswordHasher<User> hasher)
{
    /// <summary>A hash of a password nobody knows, made once with the configured hasher's cost.</summary>
    private static string? _dummyHash;
    private static readonly User Nobody = new() { DisplayName = "" };

    public async Task<SignInAttempt> CheckAsync(string? email, string? password, string? address)
    {
        if (limiter.IsBlocked(address, out var wait))
        {
            return new SignInAttempt(SignInResultKind.AddressThrottled, null, wait);
        }
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || string.IsNullOrEmpty(password))
        {
            if (user is null)
            {
                // An unknown email takes as long as a wrong password: checking a dummy hash costs what checking a real one does.
                _dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
                hasher.VerifyHashedPassword(Nobody, _dummyHash, password ?? "");
            }
            limiter.RecordFailure(address);
            audit.Record(null, AuditActions.SignInFailed, nameof(User), null, email?.Trim());
            await db.SaveChangesAsync();
            return new SignInAttempt(SignInResultKind.InvalidCredentials, null, TimeSpan.Zero);
        }

        var actor = new Actor(user.Id, user.Email ?? "", user.Role, user.LocalAuthorityId, user.ProviderId, address);
        var result = await signIns.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded && user.DisabledAt is not null)
        {
            // The right password for a disabled account reads exactly like a wrong one.
            limiter.RecordFailure(address);
            audit.Record(actor, AuditActions.SignInRefusedDisabled, nameof(User), user.Id);
            await db.SaveChangesAsync();
            return new SignInAttempt(SignInResultKind.InvalidCredentials, null, TimeSpan.Zero);
        }
        if (result.Succeeded && user.TwoFactorEnabled)
        {
            return new SignInAttempt(SignInResultKind.SecondFactorRequired, user, TimeSpan.Zero);
        }
        if (result.Succeeded)
        {
            user.LastSignedInAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(actor, AuditActions.SignedIn, nameof(User), user.Id);
            await db.SaveChangesAsync();
            return new SignInAttempt(SignInResultKind.Succeeded, user, TimeSpan.Zero);
        }
        limiter.RecordFailure(address);
        if (result.IsLockedOut)
        {
            audit.Record(actor, AuditActions.LockedOut, nameof(User), user.Id);
            await db.SaveChangesAsync();
            var until = user.LockoutEnd ?? clock.GetUtcNow();
            return new SignInAttempt(SignInResultKind.LockedOut, null, until - clock.GetUtcNow());
        }
        audit.Record(actor, AuditActions.SignInFailed, nameof(User), user.Id);
        await db.SaveChangesAsync();
        return new SignInAttempt(SignInResultKind.InvalidCredentials, null, TimeSpan.Zero);
    }

    /// <summary>
    /// The second step for an account with a second factor: a current one-time code or a recovery code. Wrong codes
    /// count towards the account's lockout and the address's throttle, as wrong passwords do.
    /// </summary>
    public async Task<SignInAttempt> CheckCodeAsync(User user, string? code, string? address)
    {
        if (limiter.IsBlocked(address, out var wait))
        {
            return new SignInAttempt(SignInResultKind.AddressThrottled, null, wait);
        }
        var actor = new Actor(user.Id, user.Email ?? "", user.Role, user.LocalAuthorityId, user.ProviderId, address);
        if (await users.IsLockedOutAsync(user))
        {
            return new SignInAttempt(SignInResultKind.LockedOut, null, (user.LockoutEnd ?? clock.GetUtcNow()) - clock.GetUtcNow());
        }
        if (await secondFactor.VerifyAsync(user, code))
        {
            // The code is spent: this is the sign-in. A rival attempt with the same code may have counted its failure on
            // the account since (changing its concurrency stamp), so the bookkeeping is written without the stamp: the
            // winner is never turned away by the loser.
            var now = clock.GetUtcNow().UtcDateTime;
            db.ChangeTracker.Clear();
            await db.Users.Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastSignedInAt, now).SetProperty(u => u.AccessFailedCount, 0));
            user.LastSignedInAt = now;
            user.AccessFailedCount = 0;
            audit.Record(actor, AuditActions.SignedIn, nameof(User), user.Id, "with a second factor");
            await db.SaveChangesAsync();
            return new SignInAttempt(SignInResultKind.Succeeded, user, TimeSpan.Zero);
        }
        limiter.RecordFailure(address);
        if (!await secondFactor.SavedAsync(user, await users.AccessFailedAsync(user)))
        {
            // Another attempt counted first; count this one on the fresh account.
            await secondFactor.SavedAsync(user, await users.AccessFailedAsync(user));
        }
        if (await users.IsLockedOutAsync(user))
        {
            audit.Record(actor, AuditActions.LockedOut, nameof(User), user.Id);
            await db.SaveChangesAsync();
            return new SignInAttempt(SignInResultKind.LockedOut, null, (user.LockoutEnd ?? clock.GetUtcNow()) - clock.GetUtcNow());
        }
        audit.Record(actor, AuditActions.SignInFailed, nameof(User), user.Id, "wrong one-time code");
        await db.SaveChangesAsync();
        return new SignInAttempt(SignInResultKind.InvalidCredentials, null, TimeSpan.Zero);
    }
}

using Microsoft.AspNetCore.Identity;
using PlacementBroker.Core;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Identity;

namespace PlacementBroker.Web.Auth;

public enum SignInResultKind
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
    AddressThrottled,
}

public sealed record SignInAttempt(SignInResultKind Kind, User? User, TimeSpan RetryAfter);

/// <summary>Checks a password for both the sign-in page and the token endpoint, with lockout and address throttling.</summary>
public class SignInService(
    UserManager<User> users, SignInManager<User> signIns, FailedSignInLimiter limiter, AuditTrail audit,
    PlacementBrokerDbContext db, TimeProvider clock)
{
    public async Task<SignInAttempt> CheckAsync(string? email, string? password, string? address)
    {
        if (limiter.IsBlocked(address, out var wait))
        {
            return new SignInAttempt(SignInResultKind.AddressThrottled, null, wait);
        }
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || string.IsNullOrEmpty(password))
        {
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
}

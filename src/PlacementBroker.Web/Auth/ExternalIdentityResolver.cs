using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace PlacementBroker.Web.Auth;

public enum ExternalOutcome
{
    SignedIn,
    Linked,
    NotLinked,
    NoSubject,
    TenantNotAllowed,
    PlatformAdminNotAllowed,
    LinkedToAnotherUser,
    LockedOut,
}

public sealed record ExternalResolution(ExternalOutcome Outcome, User? User = null);

/// <summary>An external identity: its issuer and its stable subject within that issuer (tenant and object id where present).</summary>
public sealed record ExternalKey(string Issuer, string Subject, string? Tenant)
{
    public string ProviderKey => Tenant is null ? Subject : $"{Tenant}:{Subject}";
}

/// <summary>
/// Links an organisation's identity to a PlacementBroker user once, from a session that signed in with a password, and
/// later signs that user in by the link: issuer plus subject (<c>oid</c> or <c>sub</c>, with <c>tid</c>). Never by an
/// email claim, which another tenant of the same identity provider may set to anything. Links live in AspNetUserLogins
/// (LoginProvider = issuer, ProviderKey = tid:oid or sub), whose key makes one identity belong to one user.
/// </summary>
public class ExternalIdentityResolver(UserManager<User> users, PlacementBrokerOptions options, TimeProvider clock)
{
    private OpenIdConnectSettings Settings => options.OpenIdConnect;

    public static ExternalKey? KeyOf(ClaimsPrincipal principal)
    {
        var subjectClaim = principal.FindFirst("oid") ?? principal.FindFirst("sub") ?? principal.FindFirst(ClaimTypes.NameIdentifier);
        if (subjectClaim is null || string.IsNullOrWhiteSpace(subjectClaim.Value))
        {
            return null;
        }
        var issuer = principal.FindFirst("iss")?.Value ?? subjectClaim.Issuer;
        if (string.IsNullOrWhiteSpace(issuer) || issuer == ClaimsIdentity.DefaultIssuer)
        {
            return null;
        }
        var tenant = principal.FindFirst("tid")?.Value;
        return new ExternalKey(issuer, subjectClaim.Value, string.IsNullOrWhiteSpace(tenant) ? null : tenant);
    }

    /// <summary>Finds the user linked to this external identity, if they may sign in through it.</summary>
    public async Task<ExternalResolution> ResolveAsync(ClaimsPrincipal principal)
    {
        var key = KeyOf(principal);
        if (key is null)
        {
            return new(ExternalOutcome.NoSubject);
        }
        if (!TenantAllowed(key))
        {
            return new(ExternalOutcome.TenantNotAllowed);
        }
        var user = await users.FindByLoginAsync(key.Issuer, key.ProviderKey);
        if (user is null)
        {
            return new(ExternalOutcome.NotLinked);
        }
        if (user.Role == Role.PlatformAdmin && !Settings.AllowPlatformAdmins)
        {
            return new(ExternalOutcome.PlatformAdminNotAllowed);
        }
        // A disabled account reads as locked: the person is told to contact their administrator either way.
        if (user.DisabledAt is not null || (user.LockoutEnd is { } end && end > clock.GetUtcNow()) || await users.IsLockedOutAsync(user))
        {
            return new(ExternalOutcome.LockedOut);
        }
        return new(ExternalOutcome.SignedIn, user);
    }

    /// <summary>Links the external identity to <paramref name="user"/>, who has just proved their password.</summary>
    public async Task<ExternalResolution> LinkAsync(User user, ClaimsPrincipal principal)
    {
        var key = KeyOf(principal);
        if (key is null)
        {
            return new(ExternalOutcome.NoSubject);
        }
        if (!TenantAllowed(key))
        {
            return new(ExternalOutcome.TenantNotAllowed);
        }
        if (user.Role == Role.PlatformAdmin && !Settings.AllowPlatformAdmins)
        {
            return new(ExternalOutcome.PlatformAdminNotAllowed);
        }
        var existing = await users.FindByLoginAsync(key.Issuer, key.ProviderKey);
        if (existing is not null)
        {
            return existing.Id == user.Id ? new(ExternalOutcome.Linked, user) : new(ExternalOutcome.LinkedToAnotherUser);
        }
        IdentityResult result;
        try
        {
            result = await users.AddLoginAsync(user, new UserLoginInfo(key.Issuer, key.ProviderKey, Settings.DisplayName));
        }
        catch (DbUpdateException)
        {
            // Two users linking the same identity at once: the key of AspNetUserLogins lets one of them have it.
            return new(ExternalOutcome.LinkedToAnotherUser);
        }
        return result.Succeeded ? new(ExternalOutcome.Linked, user) : new(ExternalOutcome.LinkedToAnotherUser);
    }

    public async Task<IList<UserLoginInfo>> LinksOfAsync(User user) => await users.GetLoginsAsync(user);

    public async Task<bool> UnlinkAsync(User user, string issuer, string providerKey) =>
        (await users.RemoveLoginAsync(user, issuer, providerKey)).Succeeded;

    private bool TenantAllowed(ExternalKey key) =>
        Settings.AllowedTenants.Count == 0
        || (key.Tenant is not null && Settings.AllowedTenants.Contains(key.Tenant, StringComparer.OrdinalIgnoreCase));
}

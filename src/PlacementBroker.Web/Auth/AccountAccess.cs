using System.Security.Claims;

namespace PlacementBroker.Web.Auth;

/// <summary>
/// Whether a signed-in principal (cookie, bearer token or hub connection) still stands for an enabled account with
/// the security stamp it was issued with. Asked on every request and every hub call: one query by primary key, no
/// cache, so disabling an account or changing its password takes effect at once.
/// </summary>
public class AccountAccess(PlacementBrokerDbContext db, TimeProvider clock)
{
    /// <summary>The claim the bearer token carries its security stamp in.</summary>
    public const string TokenStampClaim = "stamp";
    /// <summary>The claim the cookie carries it in (ASP.NET Core Identity's default).</summary>
    public const string CookieStampClaim = "AspNet.Identity.SecurityStamp";

    public static string? StampOf(ClaimsPrincipal principal) =>
        principal.FindFirst(TokenStampClaim)?.Value ?? principal.FindFirst(CookieStampClaim)?.Value;

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, string? stamp, bool checkLockout, CancellationToken ct = default)
    {
        if (principal.GetUserId() is not { } id || string.IsNullOrEmpty(stamp))
        {
            return false;
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.DisabledAt, u.LockoutEnd })
            .SingleOrDefaultAsync(ct);
        return user is not null
            && user.DisabledAt is null
            && user.SecurityStamp == stamp
            && !(checkLockout && user.LockoutEnd is { } end && end > clock.GetUtcNow());
    }
}

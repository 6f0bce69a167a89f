using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlacementBroker.Core;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Identity;
using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Pages;

/// <summary>
/// Completes sign-in through the organisation's identity provider: the external account is linked to the
/// PlacementBroker user with the same email, who keeps the role and organisation the platform gave them.
/// </summary>
[AllowAnonymous]
public class SignInExternalModel(
    SignInManager<User> signIns, UserManager<User> users, PlacementBrokerOptions options, AuditTrail audit, PlacementBrokerDbContext db, TimeProvider clock)
    : PageModel
{
    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var info = await signIns.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return RedirectToPage("/SignIn");
        }
        Email = info.Principal.FindFirst(options.OpenIdConnect.EmailClaim)?.Value
            ?? info.Principal.FindFirst("preferred_username")?.Value;
        var user = Email is null ? null : await users.FindByEmailAsync(Email);
        if (user is null || user.DisabledAt is not null || await users.IsLockedOutAsync(user))
        {
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            return Page();
        }
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        await signIns.SignInAsync(user, isPersistent: false, info.LoginProvider);
        user.LastSignedInAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(new Actor(user.Id, user.Email ?? "", user.Role, user.LocalAuthorityId, user.ProviderId, HttpContext.Connection.RemoteIpAddress?.ToString()),
            AuditActions.SignedIn, nameof(User), user.Id, $"through {info.LoginProvider}");
        await db.SaveChangesAsync();
        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}

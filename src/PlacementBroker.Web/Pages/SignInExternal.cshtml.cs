using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using PlacementBroker.Core.Auditing;

namespace PlacementBroker.Web.Pages;

/// <summary>
/// Completes sign-in through the organisation's identity provider: the external identity must already be linked to a
/// PlacementBroker user (linked once, from a password-signed-in session). The user keeps the role and organisation the
/// platform gave them; an account with a second factor still enters its code.
/// </summary>
[AllowAnonymous]
public class SignInExternalModel(
    SignInManager<User> signIns, ExternalIdentityResolver resolver, AuditTrail audit, PlacementBrokerDbContext db, TimeProvider clock)
    : PlacementBrokerPageModel
{
    public ExternalOutcome Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var info = await signIns.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return RedirectToPage("/SignIn");
        }
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var resolution = await resolver.ResolveAsync(info.Principal);
        Outcome = resolution.Outcome;
        if (resolution.User is not { } user)
        {
            return Page();
        }
        var safeReturn = !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Page("/Index")!;
        if (user.TwoFactorEnabled)
        {
            await SignInCodeModel.RememberPasswordStepAsync(HttpContext, user, SignInCodeModel.ExternalMethod);
            return RedirectToPage("/SignInCode", new { ReturnUrl = safeReturn });
        }
        await signIns.SignInAsync(user, isPersistent: false, SignInCodeModel.ExternalMethod);
        user.LastSignedInAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(new Actor(user.Id, user.Email ?? "", user.Role, user.LocalAuthorityId, user.ProviderId, HttpContext.Connection.RemoteIpAddress?.ToString()),
            AuditActions.SignedIn, nameof(User), user.Id, $"through {info.LoginProvider}");
        await db.SaveChangesAsync();
        return SecondFactor.MustEnrol(user) ? RedirectToPage("/Account/TwoFactor") : LocalRedirect(safeReturn);
    }
}

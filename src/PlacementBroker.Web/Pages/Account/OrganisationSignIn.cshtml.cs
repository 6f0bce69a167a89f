using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using PlacementBroker.Core.Auditing;

namespace PlacementBroker.Web.Pages.Account;

/// <summary>
/// Links the organisation's account (OpenID Connect) to the signed-in user. Only a session that began with the password
/// may link: the link is what later signs in, so it must be made by someone who proved the PlacementBroker account.
/// The round trip carries the user id (Identity's XSRF key), so an identity cannot be linked to someone else's session.
/// </summary>
public class OrganisationSignInModel(
    UserManager<User> users, SignInManager<User> signIns, ExternalIdentityResolver resolver, PlacementBrokerOptions options,
    AuditTrail audit, PlacementBrokerDbContext db) : OwnAccountPageModel(users, signIns, audit, db)
{
    public bool Available => options.OpenIdConnect.Enabled;
    public string DisplayName => options.OpenIdConnect.DisplayName;
    public bool SignedInWithPassword => User.FindFirstValue(ClaimTypes.AuthenticationMethod) == SignInCodeModel.PasswordMethod;
    public IList<UserLoginInfo> Links { get; private set; } = [];
    public ExternalOutcome? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await AccountAsync() is not { } user)
        {
            return Challenge();
        }
        Links = await resolver.LinksOfAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync()
    {
        if (await AccountAsync() is not { } user)
        {
            return Challenge();
        }
        if (!Available || !SignedInWithPassword)
        {
            return RedirectToPage();
        }
        var redirect = Url.Page("/Account/OrganisationSignIn", "Linked");
        var properties = SignIns.ConfigureExternalAuthenticationProperties(AuthExtensions.ExternalScheme, redirect, user.Id.ToString());
        return Challenge(properties, AuthExtensions.ExternalScheme);
    }

    public async Task<IActionResult> OnGetLinkedAsync()
    {
        if (await AccountAsync() is not { } user)
        {
            return Challenge();
        }
        var info = await SignIns.GetExternalLoginInfoAsync(user.Id.ToString());
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (info is null || !SignedInWithPassword)
        {
            return RedirectToPage();
        }
        var result = await resolver.LinkAsync(user, info.Principal);
        Outcome = result.Outcome;
        if (result.Outcome == ExternalOutcome.Linked)
        {
            await RecordAsync(user, AuditActions.ExternalIdentityLinked, info.LoginProvider);
        }
        Links = await resolver.LinksOfAsync(user);
        return Page();
    }
}

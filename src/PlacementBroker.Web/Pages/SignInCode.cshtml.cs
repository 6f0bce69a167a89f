using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace PlacementBroker.Web.Pages;

/// <summary>
/// The second step of signing in for an account with a second factor: the current code from the authenticator app,
/// or a recovery code. The first step (password, or the organisation's account) is remembered for five minutes in
/// Identity's two-factor cookie, which holds the user id and nothing that signs anyone in.
/// </summary>
[AllowAnonymous]
public class SignInCodeModel(SignInService signIn, SignInManager<User> signIns, UserManager<User> users) : PlacementBrokerPageModel
{
    public const string PasswordMethod = "pwd";
    public const string ExternalMethod = "external";
    /// <summary>
    /// The address of the page where a second factor is set up (Account/TwoFactor), for the sign-in cookie's check in
    /// <c>AuthExtensions</c>, which runs before any page; pages send people there with <c>RedirectToPage("/Account/TwoFactor")</c>.
    /// </summary>
    public const string EnrolPath = "/account/two-factor";
    private const string MethodClaim = "first_step";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public static Task RememberPasswordStepAsync(HttpContext context, User user, string method) =>
        context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Id.ToString()), new Claim(MethodClaim, method), new Claim("stamp", user.SecurityStamp ?? "")],
            IdentityConstants.TwoFactorUserIdScheme)));

    public async Task<IActionResult> OnGetAsync() => await FirstStepAsync() is null ? RedirectToPage("/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var first = await FirstStepAsync();
        if (first is not { } step)
        {
            return RedirectToPage("/SignIn");
        }
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the code from your authenticator app");
            return Page();
        }
        var attempt = await signIn.CheckCodeAsync(step.User, Code, HttpContext.Connection.RemoteIpAddress?.ToString());
        switch (attempt.Kind)
        {
            case SignInResultKind.Succeeded:
                await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
                await signIns.SignInAsync(step.User, isPersistent: false, step.Method);
                return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page("/Index")!);
            case SignInResultKind.LockedOut:
                await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
                ModelState.AddModelError(nameof(Code), $"Your account is locked after too many failed attempts. Try again in {Math.Max(1, (int)Math.Ceiling(attempt.RetryAfter.TotalMinutes))} minutes or ask your administrator");
                break;
            case SignInResultKind.AddressThrottled:
                ModelState.AddModelError(nameof(Code), "There have been too many failed sign-in attempts from your network. Try again later");
                break;
            default:
                ModelState.AddModelError(nameof(Code), "Enter the current code from your authenticator app, or one of your recovery codes. A code works only once");
                break;
        }
        return Page();
    }

    private async Task<(User User, string Method)?> FirstStepAsync()
    {
        var result = await HttpContext.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        var id = result.Principal?.FindFirstValue(ClaimTypes.Name);
        var user = id is null ? null : await users.FindByIdAsync(id);
        // A password change (new security stamp) since the first step ends it.
        if (user is null || !user.TwoFactorEnabled || user.SecurityStamp != result.Principal!.FindFirstValue("stamp"))
        {
            return null;
        }
        return (user, result.Principal!.FindFirstValue(MethodClaim) ?? PasswordMethod);
    }
}

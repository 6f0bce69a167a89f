using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace PlacementBroker.Web.Pages;

[AllowAnonymous]
public class SignInModel(SignInService signIn, SignInManager<User> signIns, PlacementBrokerOptions options) : PlacementBrokerPageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ExternalSignInName => options.OpenIdConnect.Enabled ? options.OpenIdConnect.DisplayName : null;

    public sealed record SignInInput(string? Email = null, string? Password = null);

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Enter your email address");
        }
        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter your password");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var attempt = await signIn.CheckAsync(Input.Email, Input.Password, HttpContext.Connection.RemoteIpAddress?.ToString());
        switch (attempt.Kind)
        {
            case SignInResultKind.Succeeded:
                await signIns.SignInAsync(attempt.User!, isPersistent: false, SignInCodeModel.PasswordMethod);
                return SecondFactor.MustEnrol(attempt.User!) ? RedirectToPage("/Account/TwoFactor") : LocalRedirect(SafeReturnUrl);
            case SignInResultKind.SecondFactorRequired:
                await SignInCodeModel.RememberPasswordStepAsync(HttpContext, attempt.User!, SignInCodeModel.PasswordMethod);
                return RedirectToPage("/SignInCode", new { ReturnUrl = SafeReturnUrl });
            case SignInResultKind.LockedOut:
                ModelState.AddModelError("Input.Email", $"Your account is locked after too many failed attempts. Try again in {Math.Max(1, (int)Math.Ceiling(attempt.RetryAfter.TotalMinutes))} minutes or ask your administrator");
                break;
            case SignInResultKind.AddressThrottled:
                ModelState.AddModelError("Input.Email", "There have been too many failed sign-in attempts from your network. Try again later");
                break;
            default:
                ModelState.AddModelError("Input.Email", "Enter a correct email address and password");
                break;
        }
        return Page();
    }

    public IActionResult OnPostExternal()
    {
        if (!options.OpenIdConnect.Enabled)
        {
            return NotFound();
        }
        var redirect = Url.Page("/SignInExternal", new { ReturnUrl = SafeReturnUrl });
        var properties = signIns.ConfigureExternalAuthenticationProperties(AuthExtensions.ExternalScheme, redirect);
        return Challenge(properties, AuthExtensions.ExternalScheme);
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page("/Index")!;
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using PlacementBroker.Core.Auditing;

namespace PlacementBroker.Web.Pages.Account;

/// <summary>
/// Turn on a second factor (authenticator app): the page shows a new secret as text and as an otpauth:// link, the
/// user confirms with a code, and sees ten single-use recovery codes once. Turning it off takes a current code; platform
/// admins cannot turn it off. Between showing and confirming, the secret travels in the form, encrypted.
/// </summary>
public class TwoFactorModel(
    UserManager<User> users, SignInManager<User> signIns, SecondFactor secondFactor, IDataProtectionProvider protection,
    AuditTrail audit, PlacementBrokerDbContext db) : PlacementBrokerPageModel
{
    private ITimeLimitedDataProtector Protector => protection.CreateProtector("PlacementBroker.SecondFactor.Enrolment").ToTimeLimitedDataProtector();

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? ProtectedSecret { get; set; }

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string? Secret { get; private set; }
    public string? OtpAuthUri { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string? Banner { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await ShowAsync(user, newSecret: null);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        ModelState.Clear();
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        string? secret = null;
        try
        {
            secret = ProtectedSecret is null ? null : Protector.Unprotect(ProtectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
        }
        if (user.TwoFactorEnabled || secret is null)
        {
            return RedirectToPage();
        }
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
        }
        else if (await secondFactor.EnableAsync(user, secret, Code.Replace(" ", "", StringComparison.Ordinal)) is { } recovery)
        {
            audit.Record(Actor, AuditActions.SecondFactorEnabled, nameof(User), user.Id);
            await db.SaveChangesAsync();
            // The new security stamp ends other sessions; this one carries on with the second factor in its claims.
            await signIns.RefreshSignInAsync(user);
            await ShowAsync(user, null);
            RecoveryCodes = recovery;
            return Page();
        }
        else
        {
            ModelState.AddModelError(nameof(Code), "The code is not right. Check the time on your device and enter the code it shows now");
        }
        await ShowAsync(user, secret);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        ModelState.Clear();
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!user.TwoFactorEnabled || SecondFactor.IsRequiredFor(user))
        {
            return RedirectToPage();
        }
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the code from your authenticator app");
        }
        else if (await secondFactor.DisableAsync(user, Code))
        {
            audit.Record(Actor, AuditActions.SecondFactorDisabled, nameof(User), user.Id);
            await db.SaveChangesAsync();
            await signIns.RefreshSignInAsync(user);
            await ShowAsync(user, null);
            Banner = "Your second factor is turned off";
            return Page();
        }
        else
        {
            ModelState.AddModelError(nameof(Code), "The code is not right, or it has been used already");
        }
        await ShowAsync(user, null);
        return Page();
    }

    private async Task ShowAsync(User user, string? newSecret)
    {
        Enabled = user.TwoFactorEnabled;
        Required = SecondFactor.IsRequiredFor(user);
        if (Enabled)
        {
            RecoveryCodesLeft = await secondFactor.RecoveryCodesLeftAsync(user);
            return;
        }
        Secret = newSecret ?? SecondFactor.NewSecret();
        OtpAuthUri = SecondFactor.OtpAuthUri(user.Email ?? user.UserName ?? "", Secret);
        ProtectedSecret = Protector.Protect(Secret, TimeSpan.FromMinutes(30));
    }
}

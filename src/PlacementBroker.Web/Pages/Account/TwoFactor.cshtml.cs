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
    AuditTrail audit, PlacementBrokerDbContext db) : OwnAccountPageModel(users, signIns, audit, db)
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
        if (await AccountAsync() is not { } user)
        {
            return Challenge();
        }
        await ShowAsync(user, newSecret: null);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        ModelState.Clear();
        if (await AccountAsync() is not { } user)
        {
            return Challenge();
        }
        var secret = EnrolmentSecret();
        if (user.TwoFactorEnabled || secret is null)
        {
            return RedirectToPage();
        }
        if (TypedCode("Enter the 6-digit code from your authenticator app") is { } code)
        {
            if (await secondFactor.EnableAsync(user, secret, code.Replace(" ", "", StringComparison.Ordinal)) is { } recovery)
            {
                RecoveryCodes = recovery;
                return await ChangedAsync(user, AuditActions.SecondFactorEnabled);
            }
            ModelState.AddModelError(nameof(Code), "The code is not right. Check the time on your device and enter the code it shows now");
        }
        await ShowAsync(user, secret);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        ModelState.Clear();
        if (await AccountAsync() is not { } user)
        {
            return Challenge();
        }
        if (!user.TwoFactorEnabled || SecondFactor.IsRequiredFor(user))
        {
            return RedirectToPage();
        }
        if (TypedCode("Enter the code from your authenticator app") is { } code)
        {
            if (await secondFactor.DisableAsync(user, code))
            {
                Banner = "Your second factor is turned off";
                return await ChangedAsync(user, AuditActions.SecondFactorDisabled);
            }
            ModelState.AddModelError(nameof(Code), "The code is not right, or it has been used already");
        }
        await ShowAsync(user, null);
        return Page();
    }

    /// <summary>The secret shown with the form, unless it is missing, tampered with or over 30 minutes old.</summary>
    private string? EnrolmentSecret()
    {
        try
        {
            return ProtectedSecret is null ? null : Protector.Unprotect(ProtectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The code typed, or null with <paramref name="blank"/> at the field when nothing was.</summary>
    private string? TypedCode(string blank)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), blank);
            return null;
        }
        return Code;
    }

    /// <summary>
    /// After the second factor is turned on or off: audited; the new security stamp ends other sessions while this one
    /// carries on with the change in its claims; the page shows the account as it now is.
    /// </summary>
    private async Task<IActionResult> ChangedAsync(User user, string action)
    {
        await RecordAndRenewAsync(user, action);
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

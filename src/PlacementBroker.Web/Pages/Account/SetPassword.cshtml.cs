namespace PlacementBroker.Web.Pages.Account;

/// <summary>
/// A page opened from an emailed link carrying a one-time code, where someone chooses a password. An unknown,
/// spent or expired code all read the same (<paramref name="invalidLinkMessage"/>); once the password is set, the person
/// is sent to <paramref name="donePage"/>.
/// </summary>
public abstract class PasswordLinkPageModel(AccountLinks links, string invalidLinkMessage, string donePage) : PlacementBrokerPageModel
{
    public string InvalidLinkMessage => invalidLinkMessage;

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public bool LinkIsIncomplete => string.IsNullOrWhiteSpace(Code);

    /// <summary>The account the link opens, shown so the person knows which one; null when the link does not work.</summary>
    public string? Email { get; private set; }

    public sealed record PasswordInput(string? Password = null, string? ConfirmPassword = null);

    public async Task OnGetAsync()
    {
        if (!LinkIsIncomplete)
        {
            Email = (await links.FindAsync(Code, Aborted))?.User.Email;
            if (Email is null)
            {
                ModelState.AddModelError("", InvalidLinkMessage);
            }
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (LinkIsIncomplete)
        {
            ModelState.AddModelError("", InvalidLinkMessage);
            return Page();
        }
        Email = (await links.FindAsync(Code, Aborted))?.User.Email;
        if (Email is null)
        {
            ModelState.AddModelError("", InvalidLinkMessage);
            return Page();
        }
        NewPassword.Check(ModelState, Input.Password, Input.ConfirmPassword, nameof(Input.Password), "password");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await links.SetPasswordAsync(Code, Input.Password, HttpContext.Connection.RemoteIpAddress?.ToString(), Aborted);
        if (outcome.Succeeded)
        {
            return RedirectToPage(donePage);
        }
        foreach (var (field, messages) in outcome.Errors)
        {
            foreach (var message in messages)
            {
                if (field == "password")
                {
                    ModelState.AddModelError("Input.Password", message);
                }
                else
                {
                    Email = null;
                    ModelState.AddModelError("", InvalidLinkMessage);
                }
            }
        }
        return Page();
    }
}

/// <summary>Where an invited colleague chooses their first password.</summary>
[AllowAnonymous]
public class SetPasswordModel(AccountLinks links) : PasswordLinkPageModel(links, InvalidLink, "/Account/PasswordCreated")
{
    public const string InvalidLink =
        "This link has expired or has already been used. Ask your organisation's administrator to send you a new invitation.";
}

/// <summary>Where someone who asked to reset their password chooses a new one.</summary>
[AllowAnonymous]
public class ResetPasswordModel(AccountLinks links) : PasswordLinkPageModel(links, InvalidLink, "/Account/PasswordResetDone")
{
    public const string InvalidLink = "This link has expired or has already been used. Ask for a new link to reset your password.";
}

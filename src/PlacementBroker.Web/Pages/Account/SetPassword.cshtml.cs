namespace PlacementBroker.Web.Pages.Account;

/// <summary>
/// A page opened from an emailed link carrying a one-time code, where someone chooses a password. An unknown,
/// spent or expired code all read the same.
/// </summary>
public abstract class PasswordLinkPageModel(AccountLinks links) : PlacementBrokerPageModel
{
    public abstract string InvalidLinkMessage { get; }
    /// <summary>The page shown once the password is set.</summary>
    protected abstract string DonePage { get; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public bool LinkIsIncomplete => string.IsNullOrWhiteSpace(Code);

    /// <summary>The account the link opens, shown so the person knows which one; null when the link does not work.</summary>
    public string? Email { get; private set; }

    public sealed class PasswordInput
    {
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

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
        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter a password");
        }
        if (string.IsNullOrEmpty(Input.ConfirmPassword))
        {
            ModelState.AddModelError("Input.ConfirmPassword", "Confirm your password");
        }
        else if (!string.IsNullOrEmpty(Input.Password) && Input.Password != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "The passwords do not match: enter the same password twice");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await links.SetPasswordAsync(Code, Input.Password, HttpContext.Connection.RemoteIpAddress?.ToString(), Aborted);
        if (outcome.Succeeded)
        {
            return RedirectToPage(DonePage);
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
public class SetPasswordModel(AccountLinks links) : PasswordLinkPageModel(links)
{
    public const string InvalidLink =
        "This link has expired or has already been used. Ask your organisation's administrator to send you a new invitation.";

    public override string InvalidLinkMessage => InvalidLink;
    protected override string DonePage => "/Account/PasswordCreated";
}

/// <summary>Where someone who asked to reset their password chooses a new one.</summary>
[AllowAnonymous]
public class ResetPasswordModel(AccountLinks links) : PasswordLinkPageModel(links)
{
    public const string InvalidLink =
        "This link has expired or has already been used. Ask for a new link to reset your password.";

    public override string InvalidLinkMessage => InvalidLink;
    protected override string DonePage => "/Account/PasswordResetDone";
}

namespace PlacementBroker.Web.Pages.Account;

/// <summary>
/// Asks for a password reset link. The answer is the same whether or not the address has an account, and the email
/// goes through the outbox either way the request ends, so the page reveals nothing about who has an account.
/// </summary>
[AllowAnonymous]
public class ForgotPasswordModel(AccountLinks links, PublicUrls urls) : PlacementBrokerPageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
            return Page();
        }
        if (!EmailAddress.IsValid(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.com");
            return Page();
        }
        await links.RequestPasswordResetAsync(Email, urls.For("/account/reset-password"),
            HttpContext.Connection.RemoteIpAddress?.ToString(), Aborted);
        Sent = true;
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlacementBroker.Core.Identity;

namespace PlacementBroker.Web.Pages.Account;

/// <summary>
/// Where an invited colleague (or anyone sent a reset link) chooses a password. The email and token come from the
/// link; an unknown email reads exactly like a bad token, so the page never reveals who has an account.
/// </summary>
[AllowAnonymous]
public class SetPasswordModel(UserManager<User> users) : PageModel
{
    public const string InvalidLink =
        "This link has expired or has already been used. Ask your organisation's administrator to send you a new invitation.";

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public bool LinkIsIncomplete => string.IsNullOrWhiteSpace(Email) || string.IsNullOrWhiteSpace(Token);

    public sealed class PasswordInput
    {
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (LinkIsIncomplete)
        {
            ModelState.AddModelError("", InvalidLink);
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

        var user = await users.FindByEmailAsync(Email!.Trim());
        if (user is null)
        {
            ModelState.AddModelError("", InvalidLink);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Token!, Input.Password!);
        if (result.Succeeded)
        {
            return Redirect("/account/password-created");
        }
        foreach (var error in result.Errors)
        {
            if (error.Code == nameof(IdentityErrorDescriber.InvalidToken))
            {
                ModelState.AddModelError("", InvalidLink);
            }
            else
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }
        }
        return Page();
    }
}

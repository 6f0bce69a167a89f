using Microsoft.AspNetCore.Identity;
using PlacementBroker.Core.Auditing;

namespace PlacementBroker.Web.Pages.Account;

/// <summary>
/// A signed-in person changes their password, giving the current one. The security stamp rotates, so every other
/// session and bearer token of the account ends; this session carries on.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize]
public class ChangePasswordModel(UserManager<User> users, SignInManager<User> signIns, AuditTrail audit, PlacementBrokerDbContext db)
    : OwnAccountPageModel(users, signIns, audit, db)
{
    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public sealed record ChangeInput(string? CurrentPassword = null, string? NewPassword = null, string? ConfirmPassword = null);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (string.IsNullOrEmpty(Input.CurrentPassword))
        {
            ModelState.AddModelError("Input.CurrentPassword", "Enter your current password");
        }
        Account.NewPassword.Check(ModelState, Input.NewPassword, Input.ConfirmPassword, nameof(Input.NewPassword), "new password");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await AccountAsync() is not { } user)
        {
            return Challenge();
        }
        var result = await Users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                {
                    // Guessing the current password through this form counts towards the account's lockout.
                    await Users.AccessFailedAsync(user);
                    ModelState.AddModelError("Input.CurrentPassword", "Your current password is not right");
                }
                else
                {
                    ModelState.AddModelError("Input.NewPassword", error.Description);
                }
            }
            return Page();
        }
        await RecordAndRenewAsync(user, AuditActions.PasswordChanged);
        return Done("Your password has been changed. You have been signed out everywhere else.", "/Account/ChangePassword");
    }
}

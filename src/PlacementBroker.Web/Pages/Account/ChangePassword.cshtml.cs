using Microsoft.AspNetCore.Identity;
using PlacementBroker.Core.Auditing;

namespace PlacementBroker.Web.Pages.Account;

/// <summary>
/// A signed-in person changes their password, giving the current one. The security stamp rotates, so every other
/// session and bearer token of the account ends; this session carries on.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize]
public class ChangePasswordModel(UserManager<User> users, SignInManager<User> signIns, AuditTrail audit, PlacementBrokerDbContext db) : PlacementBrokerPageModel
{
    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public sealed class ChangeInput
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }

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
        if (string.IsNullOrEmpty(Input.NewPassword))
        {
            ModelState.AddModelError("Input.NewPassword", "Enter a new password");
        }
        if (string.IsNullOrEmpty(Input.ConfirmPassword))
        {
            ModelState.AddModelError("Input.ConfirmPassword", "Confirm your new password");
        }
        else if (!string.IsNullOrEmpty(Input.NewPassword) && Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "The passwords do not match: enter the same new password twice");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                {
                    // Guessing the current password through this form counts towards the account's lockout.
                    await users.AccessFailedAsync(user);
                    ModelState.AddModelError("Input.CurrentPassword", "Your current password is not right");
                }
                else
                {
                    ModelState.AddModelError("Input.NewPassword", error.Description);
                }
            }
            return Page();
        }
        audit.Record(Actor, AuditActions.PasswordChanged, nameof(User), user.Id);
        await db.SaveChangesAsync();
        // A new cookie with the new stamp for this session; the sign-in time is kept, so the session's absolute limit stands.
        await signIns.RefreshSignInAsync(user);
        Success("Your password has been changed. You have been signed out everywhere else.");
        return RedirectToPage("/Account/ChangePassword");
    }
}

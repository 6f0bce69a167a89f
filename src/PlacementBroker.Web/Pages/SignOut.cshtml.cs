using Microsoft.AspNetCore.Identity;

namespace PlacementBroker.Web.Pages;

[AllowAnonymous]
public class SignOutModel(SignInManager<User> signIns) : PlacementBrokerPageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? RedirectToPage("/Index") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIns.SignOutAsync();
        return RedirectToPage();
    }
}

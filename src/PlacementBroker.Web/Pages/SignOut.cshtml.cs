using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlacementBroker.Core.Identity;

namespace PlacementBroker.Web.Pages;

[AllowAnonymous]
public class SignOutModel(SignInManager<User> signIns) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIns.SignOutAsync();
        return RedirectToPage();
    }
}

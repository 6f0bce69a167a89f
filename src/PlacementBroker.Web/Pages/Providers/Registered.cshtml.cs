using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PlacementBroker.Web.Pages.Providers;

[AllowAnonymous]
public class RegisteredModel : PageModel
{
    public const string EmailKey = "RegisteredEmail";

    public string? Email { get; private set; }

    public void OnGet() => Email = TempData[EmailKey] as string;
}

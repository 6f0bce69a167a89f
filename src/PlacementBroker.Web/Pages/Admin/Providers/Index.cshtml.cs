using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlacementBroker.Core.Providers;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.Admin.Providers;

/// <summary>Self-registered providers waiting for verification, each with a Verify button (audited).</summary>
public class IndexModel(ProviderVerification verification) : PageModel
{
    public IReadOnlyList<UnverifiedProvider> Providers { get; private set; } = [];

    public async Task OnGetAsync() => Providers = await verification.UnverifiedAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostVerifyAsync(Guid providerId)
    {
        var name = (await verification.UnverifiedAsync(HttpContext.RequestAborted)).FirstOrDefault(p => p.Id == providerId)?.Name;
        var outcome = await verification.VerifyByAdminAsync(HttpContext.ToActor(), providerId, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            TempData["Success"] = $"{name ?? "The provider"} is verified.";
            return RedirectToPage();
        }
        ModelState.AddModelError("", outcome.Message ?? "The provider could not be verified.");
        await OnGetAsync();
        return Page();
    }
}

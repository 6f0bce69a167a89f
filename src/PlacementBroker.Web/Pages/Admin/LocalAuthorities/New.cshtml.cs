using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlacementBroker.Core;
using PlacementBroker.Core.Identity;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.Admin.LocalAuthorities;

public class NewModel(IdentityAdministration admin) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["name"] = "Input.Name", ["code"] = "Input.Code" };

    [BindProperty]
    public NewAuthorityInput Input { get; set; } = new();

    public sealed class NewAuthorityInput
    {
        public string? Name { get; set; }
        public string? Code { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await admin.CreateLocalAuthorityAsync(HttpContext.ToActor(), new CreateLocalAuthorityRequest(Input.Name, Input.Code));
        if (outcome.Succeeded)
        {
            TempData["Success"] = $"{outcome.Value!.Name} was added";
            return Redirect("/admin/local-authorities");
        }
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            ModelState.AddModelError("Input.Name", outcome.Message!);
        }
        ModelState.AddFieldErrors(outcome.Errors, Fields);
        return Page();
    }
}

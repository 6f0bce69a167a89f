using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Identity;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.Admin.Users;

public class NewModel(IdentityAdministration admin, PlacementBrokerDbContext db) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["email"] = "Input.Email",
        ["password"] = "Input.Password",
        ["displayName"] = "Input.DisplayName",
        ["role"] = "Input.Role",
        ["localAuthorityId"] = "Input.LocalAuthorityId",
        ["providerId"] = "Input.ProviderId",
    };

    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public List<SelectListItem> Roles { get; private set; } = [];
    public List<SelectListItem> Authorities { get; private set; } = [];
    public List<SelectListItem> Providers { get; private set; } = [];

    public sealed class NewUserInput
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Role { get; set; }
        public string? LocalAuthorityId { get; set; }
        public string? ProviderId { get; set; }
        public string? Password { get; set; }
    }

    public async Task OnGetAsync() => await LoadChoicesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var role = Enum.TryParse<Role>(Input.Role, out var r) ? r : (Role?)null;
        var request = new CreateUserRequest(Input.Email, Input.Password, Input.DisplayName, role,
            Guid.TryParse(Input.LocalAuthorityId, out var la) ? la : null,
            Guid.TryParse(Input.ProviderId, out var p) ? p : null);
        var outcome = await admin.CreateUserAsync(HttpContext.ToActor(), request);
        if (outcome.Succeeded)
        {
            TempData["Success"] = $"{outcome.Value!.DisplayName} can now sign in";
            return Redirect("/admin/users");
        }
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            ModelState.AddModelError("Input.Email", outcome.Message!);
        }
        ModelState.AddFieldErrors(outcome.Errors, Fields);
        await LoadChoicesAsync();
        return Page();
    }

    private async Task LoadChoicesAsync()
    {
        Roles = [new("Select a role", ""), .. Display.Options<Role>()];
        Authorities = [new("None", ""), .. await db.LocalAuthorities.OrderBy(a => a.Name).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync()];
        Providers = [new("None", ""), .. await db.Providers.OrderBy(p => p.Name).Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync()];
    }
}

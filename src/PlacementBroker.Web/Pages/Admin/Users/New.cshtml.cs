namespace PlacementBroker.Web.Pages.Admin.Users;

public class NewModel(IdentityAdministration admin, PlacementBrokerDbContext db) : PlacementBrokerPageModel
{
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
        var request = new CreateUserRequest(Input.Email, Input.Password, Input.DisplayName, FormValues.Choice<Role>(Input.Role),
            FormValues.Id(Input.LocalAuthorityId),
            FormValues.Id(Input.ProviderId));
        var outcome = await admin.CreateUserAsync(Actor, request);
        if (outcome.Succeeded)
        {
            Success($"{outcome.Value!.DisplayName} can now sign in");
            return RedirectToPage("/Admin/Users/Index");
        }
        // The one exception: an email address already in use is a conflict, shown at the email field.
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            ModelState.AddModelError("Input.Email", outcome.Message!);
        }
        else if (Refused(outcome) is { } refusal)
        {
            return refusal;
        }
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

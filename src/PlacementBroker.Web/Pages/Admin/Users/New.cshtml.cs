namespace PlacementBroker.Web.Pages.Admin.Users;

public class NewModel(IdentityAdministration admin, PlacementBrokerDbContext db) : PlacementBrokerPageModel
{
    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public List<SelectListItem> Roles { get; private set; } = [];
    public List<SelectListItem> Authorities { get; private set; } = [];
    public List<SelectListItem> Providers { get; private set; } = [];

    public sealed record NewUserInput(
        string? DisplayName = null, string? Email = null, string? Role = null, string? LocalAuthorityId = null, string? ProviderId = null,
        string? Password = null);

    public async Task OnGetAsync() => await LoadChoicesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var request = new CreateUserRequest(Input.Email, Input.Password, Input.DisplayName, FormValues.Choice<Role>(Input.Role),
            FormValues.Id(Input.LocalAuthorityId),
            FormValues.Id(Input.ProviderId));
        // The one exception: an email address already in use is a conflict, shown at the email field.
        return await SettleAsync(await admin.CreateUserAsync(Actor, request),
            user => Done($"{user.DisplayName} can now sign in", "/Admin/Users/Index"), () => PageAsync(LoadChoicesAsync),
            messageAt: (OutcomeKind.Conflict, "Input.Email"));
    }

    private async Task LoadChoicesAsync()
    {
        Roles = [new("Select a role", ""), .. Display.Options<Role>()];
        Authorities = [new("None", ""), .. await db.LocalAuthorities.OrderBy(a => a.Name).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync()];
        Providers = [new("None", ""), .. await db.Providers.OrderBy(p => p.Name).Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync()];
    }
}

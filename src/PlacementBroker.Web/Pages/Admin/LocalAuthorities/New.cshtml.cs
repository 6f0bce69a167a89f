namespace PlacementBroker.Web.Pages.Admin.LocalAuthorities;

public class NewModel(IdentityAdministration admin) : PlacementBrokerPageModel
{
    [BindProperty]
    public NewAuthorityInput Input { get; set; } = new();

    public sealed record NewAuthorityInput(string? Name = null, string? Code = null);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The one exception: a name or code already in use is a conflict, shown at the name.
        return Settle(await admin.CreateLocalAuthorityAsync(Actor, new CreateLocalAuthorityRequest(Input.Name, Input.Code)),
            added => Done($"{added.Name} was added", "/Admin/LocalAuthorities/Index"), messageAt: (OutcomeKind.Conflict, "Input.Name"));
    }
}

namespace PlacementBroker.Web.Pages.Admin.LocalAuthorities;

public class NewModel(IdentityAdministration admin) : PlacementBrokerPageModel
{
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
        var outcome = await admin.CreateLocalAuthorityAsync(Actor, new CreateLocalAuthorityRequest(Input.Name, Input.Code));
        if (outcome.Succeeded)
        {
            Success($"{outcome.Value!.Name} was added");
            return RedirectToPage("/Admin/LocalAuthorities/Index");
        }
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            ModelState.AddModelError("Input.Name", outcome.Message!);
        }
        ShowErrors(outcome.Errors);
        return Page();
    }
}

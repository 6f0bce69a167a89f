using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace PlacementBroker.Web.Pages.Providers;

[AllowAnonymous]
[EnableRateLimiting(Hosting.AbuseLimits.Registration)]
public class RegisterModel(IdentityAdministration admin) : PlacementBrokerPageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public List<SelectListItem> ProviderTypes { get; } =
    [
        new("Select the type of provider", ""),
        new("Independent fostering agency", nameof(ProviderType.IndependentFosteringAgency)),
        new("Residential children's home", nameof(ProviderType.ResidentialChildrensHome)),
        new("Supported accommodation (16 and over)", nameof(ProviderType.SupportedAccommodation)),
        new("Independent specialist education", nameof(ProviderType.IndependentSpecialistEducation)),
    ];

    public sealed class RegisterInput
    {
        public string? OrganisationName { get; set; }
        public string? ProviderType { get; set; }
        public string? RegistrationNumber { get; set; }
        public string? ContactEmail { get; set; }
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var type = FormValues.Choice<ProviderType>(Input.ProviderType);
        var outcome = await admin.RegisterProviderAsync(
            new RegisterProviderRequest(Input.OrganisationName, type, Input.RegistrationNumber, Input.ContactEmail,
                new NewProviderUser(Input.Email, Input.Password, Input.DisplayName)),
            HttpContext.Connection.RemoteIpAddress?.ToString(), Api.VerificationEndpoints.ConfirmEmailUrl(HttpContext), Aborted);
        if (outcome.Succeeded)
        {
            // The same page whether the address was new or already had an account: registration reveals neither.
            TempData[RegisteredModel.EmailKey] = Input.Email?.Trim();
            return RedirectToPage("/Providers/Registered");
        }
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            ModelState.AddModelError("Input.Email", outcome.Message!);
        }
        ShowErrors(outcome.Errors);
        return Page();
    }
}

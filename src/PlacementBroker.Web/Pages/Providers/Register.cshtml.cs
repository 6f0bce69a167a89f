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

    public sealed record RegisterInput(
        string? OrganisationName = null, string? ProviderType = null, string? RegistrationNumber = null, string? ContactEmail = null,
        string? DisplayName = null, string? Email = null, string? Password = null);

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
        return Settle(outcome, _ =>
        {
            // The same page whether the address was new or already had an account: registration reveals neither.
            TempData[RegisteredModel.EmailKey] = Input.Email?.Trim();
            return RedirectToPage("/Providers/Registered");
        }, messageAt: (OutcomeKind.Conflict, "Input.Email"));
    }
}

namespace PlacementBroker.Web.Pages.Providers;

[AllowAnonymous]
public class RegisteredModel : PlacementBrokerPageModel
{
    public const string EmailKey = "RegisteredEmail";

    public string? Email { get; private set; }

    public void OnGet() => Email = TempData[EmailKey] as string;
}

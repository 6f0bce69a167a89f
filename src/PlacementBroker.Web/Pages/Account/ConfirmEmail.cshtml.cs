namespace PlacementBroker.Web.Pages.Account;

/// <summary>
/// Where the emailed confirmation link lands, signed in or not: the code is the proof. Opening the link only shows a
/// button; the code is spent by the POST, so mail scanners that fetch links do not use it up.
/// </summary>
[AllowAnonymous]
public class ConfirmEmailModel(ProviderVerification verification) : PlacementBrokerPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public ConfirmedEmail? Confirmed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var outcome = await verification.ConfirmAsync(Code, HttpContext.Connection.RemoteIpAddress?.ToString(), Aborted);
        if (outcome.Succeeded)
        {
            Confirmed = outcome.Value;
        }
        else
        {
            ModelState.AddModelError("", outcome.Message ?? "This link does not work.");
        }
        return Page();
    }
}

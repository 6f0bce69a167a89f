namespace PlacementBroker.Web.Pages.Admin.Providers;

/// <summary>Self-registered providers waiting for verification, each with a Verify button (audited).</summary>
public class IndexModel(ProviderVerification verification) : PlacementBrokerPageModel
{
    public IReadOnlyList<UnverifiedProvider> Providers { get; private set; } = [];

    public async Task OnGetAsync() => Providers = await verification.UnverifiedAsync(Aborted);

    public async Task<IActionResult> OnPostVerifyAsync(Guid providerId)
    {
        var name = (await verification.UnverifiedAsync(Aborted)).FirstOrDefault(p => p.Id == providerId)?.Name;
        var outcome = await verification.VerifyByAdminAsync(Actor, providerId, Aborted);
        if (outcome.Succeeded)
        {
            Success($"{name ?? "The provider"} is verified.");
            return RedirectToPage();
        }
        ModelState.AddModelError("", outcome.Message ?? "The provider could not be verified.");
        await OnGetAsync();
        return Page();
    }
}

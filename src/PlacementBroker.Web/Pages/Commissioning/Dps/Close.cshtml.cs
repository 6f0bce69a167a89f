namespace PlacementBroker.Web.Pages.Commissioning.Dps;

/// <summary>The lead authority closes a DPS to new applications, saying why. Memberships stay.</summary>
public class CloseModel(DpsService dps) : CommissioningPageModel
{
    public DpsView Dps { get; private set; } = null!;

    [BindProperty]
    public CloseInput Input { get; set; } = new();

    public sealed class CloseInput
    {
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        var outcome = await dps.CloseAsync(Actor, id, Input.Reason, Aborted);
        if (outcome.Succeeded)
        {
            Success($"{outcome.Value!.Name} is closed to new applications. Its members stay on their lots.");
            return RedirectToPage("/Commissioning/Dps/Show", new { id });
        }
        return Refused(outcome) ?? Page();
    }

    /// <summary>Only the lead authority's DPS: a participant sees the no-access page, anyone else the not-found page.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var (found, refusal) = await LeadDpsAsync(dps, id);
        Dps = found!;
        return refusal;
    }
}

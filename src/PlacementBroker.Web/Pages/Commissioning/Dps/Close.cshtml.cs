namespace PlacementBroker.Web.Pages.Commissioning.Dps;

/// <summary>The lead authority closes a DPS to new applications, saying why. Memberships stay.</summary>
public class CloseModel(DpsService dps) : CommissioningPageModel
{
    public DpsView Dps { get; private set; } = null!;

    [BindProperty]
    public ReasonInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        return Settle(await dps.CloseAsync(Actor, id, Input.Reason, Aborted),
            closed => Done($"{closed.Name} is closed to new applications. Its members stay on their lots.", "/Commissioning/Dps/Show", new { id }));
    }

    /// <summary>Only the lead authority's DPS: a participant sees the no-access page, anyone else the not-found page.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var (found, refusal) = await LeadDpsAsync(dps, id);
        Dps = found!;
        return refusal;
    }
}

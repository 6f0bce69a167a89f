namespace PlacementBroker.Web.Pages.Quality.Flags;

/// <summary>Resolve a flag with the resolution; resolving the last critical flag lifts the provider's suspension.</summary>
[Authorize(Policy = Policies.QaOfficer)]
public class ResolveModel(QualityService quality, PlacementBrokerDbContext db) : OpenFlagPageModel(db)
{
    [BindProperty]
    public ResolveInput Input { get; set; } = new();

    public sealed record ResolveInput(string? Resolution = null);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        ModelState.Clear();
        return Settle(await quality.ResolveFlagAsync(Actor, id, Input.Resolution, Aborted),
            _ => Done(Flag.Flag.Severity == FlagSeverity.Critical ? "The critical flag is resolved" : "The flag is resolved"));
    }
}

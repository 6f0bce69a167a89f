namespace PlacementBroker.Web.Pages.Quality.Flags;

/// <summary>Raise a flag on a provider or one of its settings.</summary>
[Authorize(Policy = Policies.QaOfficer)]
public class NewModel(QualityService quality) : QaProviderFormPageModel(quality, "The whole provider")
{
    public static new readonly string[] FieldOrder = ["Input.Category", "Input.Severity", "Input.SettingId", "Input.Description", "Input.EvidenceReferences"];

    [BindProperty]
    public FlagInput Input { get; set; } = new();

    public sealed record FlagInput(
        string? Category = null, string? Severity = null, string? SettingId = null, string? Description = null, string? EvidenceReferences = null);

    public async Task<IActionResult> OnGetAsync(Guid providerId) => await LoadAsync(providerId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid providerId)
    {
        if (!await LoadAsync(providerId))
        {
            return NotFound();
        }
        ModelState.Clear();
        var outcome = await Quality.RaiseFlagAsync(Actor, new RaiseFlagRequest(providerId,
            FormValues.Id(Input.SettingId),
            FormValues.Choice<FlagCategory>(Input.Category), FormValues.Choice<FlagSeverity>(Input.Severity), Input.Description, Input.EvidenceReferences), Aborted);
        return Settle(outcome, flag => Done(flag.Severity == FlagSeverity.Critical
            ? $"Critical flag raised: {Profile.ProviderName} is red, suspended from its lots and out of matching until the flag is resolved"
            : $"{Words.Name(flag.Severity)} flag raised", "/Quality/Profile", new { providerId }));
    }
}

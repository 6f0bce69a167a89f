namespace PlacementBroker.Web.Pages.Quality.Flags;

/// <summary>Raise a flag on a provider or one of its settings.</summary>
[Authorize(Policy = Policies.QaOfficer)]
public class NewModel(QualityService quality) : QaPageModel
{
    public static new readonly string[] FieldOrder = ["Input.Category", "Input.Severity", "Input.SettingId", "Input.Description", "Input.EvidenceReferences"];

    public QaProfile Profile { get; private set; } = null!;
    public List<SelectListItem> Settings { get; private set; } = [];

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
        var outcome = await quality.RaiseFlagAsync(Actor, new RaiseFlagRequest(providerId,
            FormValues.Id(Input.SettingId),
            FormValues.Choice<FlagCategory>(Input.Category), FormValues.Choice<FlagSeverity>(Input.Severity), Input.Description, Input.EvidenceReferences), Aborted);
        return Settle(outcome, flag => Done(flag.Severity == FlagSeverity.Critical
            ? $"Critical flag raised: {Profile.ProviderName} is red, suspended from its lots and out of matching until the flag is resolved"
            : $"{Words.Name(flag.Severity)} flag raised", "/Quality/Profile", new { providerId }));
    }

    private async Task<bool> LoadAsync(Guid providerId)
    {
        if (await quality.ProfileAsync(providerId, Aborted) is not { } profile)
        {
            return false;
        }
        Profile = profile;
        Settings = [new("The whole provider", ""), .. profile.Settings.Where(s => !s.Closed).Select(s => new SelectListItem(s.Name, s.Id.ToString()))];
        return true;
    }
}

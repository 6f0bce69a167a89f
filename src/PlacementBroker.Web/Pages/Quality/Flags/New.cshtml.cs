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

    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>Set when a complete critical flag waits to be confirmed: what it will do, and the form to confirm it.</summary>
    public ConfirmStep? Confirm { get; private set; }

    /// <summary>
    /// A critical flag suspends the provider at once, so it is checked and shown to confirm first (GOV.UK's confirmation
    /// pattern): only the post that carries the confirmation raises it. Other flags are raised straight away.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(Guid providerId)
    {
        if (!await LoadAsync(providerId))
        {
            return NotFound();
        }
        ModelState.Clear();
        var request = new RaiseFlagRequest(providerId,
            FormValues.Id(Input.SettingId),
            FormValues.Choice<FlagCategory>(Input.Category), FormValues.Choice<FlagSeverity>(Input.Severity), Input.Description, Input.EvidenceReferences);
        if (request.Severity == FlagSeverity.Critical && !Confirmed)
        {
            if (await Quality.FlagErrorsAsync(request, Aborted) is { Any: true } errors)
            {
                return Refused(Outcome<QaFlag>.Invalid(errors)) ?? Page();
            }
            Confirm = new ConfirmStep(
                $"{Profile.ProviderName} will be shown as red, suspended from all its lots and left out of matching until the flag is resolved. "
                + "It will receive no referrals, and every authority's QA officers will see the flag.",
                "Raise critical flag", Url.Page("/Quality/Profile", new { providerId })!,
                new Dictionary<string, string?>
                {
                    ["Input.Category"] = Input.Category, ["Input.Severity"] = Input.Severity, ["Input.SettingId"] = Input.SettingId,
                    ["Input.Description"] = Input.Description, ["Input.EvidenceReferences"] = Input.EvidenceReferences,
                });
            return Page();
        }
        var outcome = await Quality.RaiseFlagAsync(Actor, request, Aborted);
        return Settle(outcome, flag => Done(flag.Severity == FlagSeverity.Critical
            ? $"Critical flag raised: {Profile.ProviderName} is red, suspended from its lots and out of matching until the flag is resolved"
            : $"{Words.Name(flag.Severity)} flag raised", "/Quality/Profile", new { providerId }));
    }
}

namespace PlacementBroker.Web.Pages.Quality.Flags;

/// <summary>Change an open flag's category, severity, description or evidence.</summary>
[Authorize(Policy = Policies.QaOfficer)]
public class EditModel(QualityService quality, PlacementBrokerDbContext db) : OpenFlagPageModel(db)
{
    public static new readonly string[] FieldOrder = ["Input.Category", "Input.Severity", "Input.Description", "Input.EvidenceReferences"];

    [BindProperty]
    public NewModel.FlagInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        var f = Flag.Flag;
        Input = new(f.Category.ToString(), f.Severity.ToString(), Description: f.Description, EvidenceReferences: f.EvidenceReferences);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        ModelState.Clear();
        var outcome = await quality.UpdateFlagAsync(Actor, id, new UpdateFlagRequest(
            FormValues.Choice<FlagCategory>(Input.Category), FormValues.Choice<FlagSeverity>(Input.Severity), Input.Description ?? "", Input.EvidenceReferences ?? ""), Aborted);
        return Settle(outcome, _ => Done("The flag has been changed"));
    }
}

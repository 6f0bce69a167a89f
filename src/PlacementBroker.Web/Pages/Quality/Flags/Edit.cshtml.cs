using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Quality;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.Quality.Flags;

/// <summary>Change an open flag's category, severity, description or evidence.</summary>
[Authorize(Policy = Policies.QaOfficer)]
public class EditModel(QualityService quality, PlacementBrokerDbContext db) : QaPageModel
{
    public static readonly string[] FieldOrder = ["Input.Category", "Input.Severity", "Input.Description", "Input.EvidenceReferences"];

    public FlagSummary Flag { get; private set; } = null!;

    [BindProperty]
    public NewModel.FlagInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        var f = Flag.Flag;
        Input = new() { Category = f.Category.ToString(), Severity = f.Severity.ToString(), Description = f.Description, EvidenceReferences = f.EvidenceReferences };
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
            Parse<FlagCategory>(Input.Category), Parse<FlagSeverity>(Input.Severity), Input.Description ?? "", Input.EvidenceReferences ?? ""), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            Success("The flag has been changed");
            return Redirect($"/qa/providers/{Flag.Flag.ProviderId}");
        }
        return Refused(outcome, NewModel.Fields) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await FlagLookup.FindAsync(db, id, Actor.LocalAuthorityId, HttpContext.RequestAborted) is not { } flag)
        {
            return NotFound();
        }
        if (flag.Flag.Status != FlagStatus.Open)
        {
            return Redirect($"/qa/providers/{flag.Flag.ProviderId}");
        }
        Flag = flag;
        return null;
    }
}

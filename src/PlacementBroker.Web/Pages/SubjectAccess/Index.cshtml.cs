using System.Text.Json;
using System.Text.Json.Serialization;
using PlacementBroker.Core.DataProtection;

namespace PlacementBroker.Web.Pages.SubjectAccess;

/// <summary>
/// A subject access request for a child of the signed-in person's council: the export downloads as one JSON file of
/// everything held. A case reference the council does not hold is an error on the form, never another council's data.
/// </summary>
public class IndexModel(SubjectAccessService service) : PlacementBrokerPageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    [BindProperty] public string? CaseReference { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await service.ExportAsync(Actor, CaseReference, null, Aborted);
        switch (outcome.Kind)
        {
            case OutcomeKind.Success:
                var export = outcome.Value!;
                return File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json",
                    $"subject-access-{export.GeneratedAt:yyyyMMdd-HHmm}.json");
            case OutcomeKind.Forbidden:
                return Forbid();
            case OutcomeKind.NotFound:
                ModelState.AddModelError(nameof(CaseReference), outcome.Message ?? "Your council holds no child with that case reference.");
                return Page();
            default:
                ShowErrors(outcome.Errors);
                return Page();
        }
    }
}

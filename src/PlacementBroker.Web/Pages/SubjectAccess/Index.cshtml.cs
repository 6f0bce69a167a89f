using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlacementBroker.Core;
using PlacementBroker.Core.DataProtection;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.SubjectAccess;

/// <summary>
/// A subject access request for a child of the signed-in person's council: the export downloads as one JSON file of
/// everything held. A case reference the council does not hold is an error on the form, never another council's data.
/// </summary>
public class IndexModel(SubjectAccessService service) : PageModel
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
        var outcome = await service.ExportAsync(HttpContext.ToActor(), CaseReference, null, HttpContext.RequestAborted);
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
                ModelState.AddFieldErrors(outcome.Errors, new Dictionary<string, string> { ["caseReference"] = nameof(CaseReference) });
                return Page();
        }
    }
}

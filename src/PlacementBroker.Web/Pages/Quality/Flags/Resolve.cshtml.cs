using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Quality;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.Quality.Flags;

/// <summary>Resolve a flag with the resolution; resolving the last critical flag lifts the provider's suspension.</summary>
[Authorize(Policy = Policies.QaOfficer)]
public class ResolveModel(QualityService quality, PlacementBrokerDbContext db) : QaPageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["resolution"] = "Input.Resolution" };

    public FlagSummary Flag { get; private set; } = null!;

    [BindProperty]
    public ResolveInput Input { get; set; } = new();

    public sealed class ResolveInput
    {
        public string? Resolution { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        ModelState.Clear();
        var outcome = await quality.ResolveFlagAsync(Actor, id, Input.Resolution, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            Success(Flag.Flag.Severity == FlagSeverity.Critical ? "The critical flag is resolved" : "The flag is resolved");
            return Redirect($"/qa/providers/{Flag.Flag.ProviderId}");
        }
        return Refused(outcome, Fields) ?? Page();
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

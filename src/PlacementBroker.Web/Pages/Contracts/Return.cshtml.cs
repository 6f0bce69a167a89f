using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Web.Pages.Contracts;

/// <summary>A provider's KPI return as the DPS's councils see it; the lead authority's commissioners accept or query a submitted one.</summary>
public class ReturnModel(KpiService kpis, ContractAccess access) : ContractsPageModel
{
    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public sealed record ReviewInput(string? Decision = null, string? Comment = null);

    public KpiReturnView Return { get; private set; } = null!;
    public bool MayReview { get; private set; }

    public static readonly IReadOnlyList<SelectListItem> Decisions = [new("Accept it", "Accepted"), new("Query it: the provider must answer and resubmit", "Queried")];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        ModelState.Clear();
        var decision = FormValues.Choice<ReturnDecision>(Input.Decision);
        return await SettleAsync(await kpis.ReviewAsync(Actor, id, new ReviewReturnRequest(decision, Input.Comment), Aborted),
            r => Done(r.Status == KpiReturnStatus.Accepted ? $"{r.ProviderName}'s {r.Quarter} return has been accepted" : $"{r.ProviderName}'s {r.Quarter} return has been queried",
                "/Contracts/Return", new { id }),
            async () => await LoadAsync(id) ?? Page());
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var found = await kpis.GetReturnByIdAsync(Actor, id, Aborted);
        if (!found.Succeeded)
        {
            return Refused(found) ?? NotFound();
        }
        Return = found.Value!;
        MayReview = IsCommissioner && Return.Status == KpiReturnStatus.Submitted && (await access.DpsForAuthorityAsync(Actor, Return.DpsId, Aborted))?.Lead == true;
        return null;
    }
}

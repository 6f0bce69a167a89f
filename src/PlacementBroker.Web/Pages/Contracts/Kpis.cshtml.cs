using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Web.Pages.Contracts;

/// <summary>A DPS's KPIs; the lead authority's commissioners add one, or the starter set.</summary>
public class KpisModel(KpiService kpis, ContractOverviewService overview) : ContractsPageModel
{
    [BindProperty]
    public KpiInput Input { get; set; } = new();

    public sealed record KpiInput(
        string? Code = null, string? Name = null, string? Description = null, string? Unit = null, string? Target = null, string? HigherIsBetter = null, string? Measure = null);

    public ContractOverview Overview { get; private set; } = null!;
    public IReadOnlyList<KpiView> Kpis { get; private set; } = [];
    public bool MayChange => IsCommissioner && Overview.Lead;

    public static readonly IReadOnlyList<SelectListItem> Units = [.. Enum.GetValues<KpiUnit>().Select(u => new SelectListItem(u switch
    {
        KpiUnit.Percent => "Percent",
        KpiUnit.Count => "Count (a whole number)",
        KpiUnit.Days => "Days",
        _ => "Money (pounds)",
    }, u.ToString()))];

    public static readonly IReadOnlyList<SelectListItem> Directions = [new("Higher is better", "true"), new("Lower is better", "false")];

    public static readonly IReadOnlyList<SelectListItem> Measures =
    [
        new("No: the provider reports it", ""),
        .. Enum.GetValues<KpiMeasure>().Select(m => new SelectListItem(Words.Name(m), m.ToString())),
    ];

    public async Task<IActionResult> OnGetAsync(Guid dpsId) => await LoadAsync(dpsId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid dpsId)
    {
        if (await LoadAsync(dpsId) is { } refusal)
        {
            return refusal;
        }
        return await ReadThenSendAsync(
            unreadable => new CreateKpiRequest(Input.Code, Input.Name, Input.Description, FormValues.Choice<KpiUnit>(Input.Unit),
                FormValues.Money(Input.Target, "Enter the target as a number, like 95 or 2.5", unreadable, "Input.Target"),
                bool.TryParse(Input.HigherIsBetter, out var higher) ? higher : null, null, FormValues.Choice<KpiMeasure>(Input.Measure)),
            request => kpis.CreateAsync(Actor, dpsId, request, Aborted),
            (_, kpi) => Done($"{kpi.Code} {kpi.Name} has been added", "/Contracts/Kpis", new { dpsId }),
            messageAt: (OutcomeKind.Conflict, "Input.Code"));
    }

    public async Task<IActionResult> OnPostStarterSetAsync(Guid dpsId)
    {
        if (await LoadAsync(dpsId) is { } refusal)
        {
            return refusal;
        }
        var outcome = await kpis.AddStarterSetAsync(Actor, dpsId, Aborted);
        return Settle(outcome, added => Done(added.Count == 0 ? "The DPS already has every KPI of the starter set" : $"{added.Count} KPIs of the starter set have been added",
            "/Contracts/Kpis", new { dpsId }));
    }

    private async Task<IActionResult?> LoadAsync(Guid dpsId)
    {
        var found = await overview.OverviewAsync(Actor, dpsId, Aborted);
        if (!found.Succeeded)
        {
            return Refused(found) ?? NotFound();
        }
        Overview = found.Value!;
        Kpis = await kpis.ListAsync(Actor, dpsId, Aborted) ?? [];
        return null;
    }
}

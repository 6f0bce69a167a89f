using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Web.Pages.Provider.Contracts;

/// <summary>One KPI of the return: the figure (when the provider reports it) and a commentary; saved to the draft.</summary>
public class ValueModel(KpiService kpis) : ReturnPageModel(kpis)
{
    [BindProperty]
    public ValueInput Input { get; set; } = new();

    public sealed record ValueInput(string? Value = null, string? Commentary = null);

    public KpiReturnValueView Kpi { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid dpsId, string quarter, Guid kpiId)
    {
        if (await LoadKpiAsync(dpsId, quarter, kpiId) is { } refusal)
        {
            return refusal;
        }
        Input = new ValueInput(Kpi.Measured ? null : Kpi.Value?.ToString("0.####", CultureInfo.InvariantCulture), Kpi.Commentary);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid dpsId, string quarter, Guid kpiId)
    {
        if (await LoadKpiAsync(dpsId, quarter, kpiId) is { } refusal)
        {
            return refusal;
        }
        return await ReadThenSendAsync(
            unreadable => new SubmitReturnRequest([new ReturnValueInput(kpiId,
                Kpi.Measured ? null : FormValues.Money(Input.Value, "Enter the figure as a number, like 12 or 12.5", unreadable, "Input.Value"), Input.Commentary ?? "")]),
            request => Kpis.SaveDraftAsync(Actor, ProviderId, dpsId, quarter, request, Aborted),
            (_, _) => Done($"{Kpi.Name} is saved", "/Provider/Contracts/Return", new { dpsId, quarter }),
            async () => await LoadKpiAsync(dpsId, quarter, kpiId) ?? Page());
    }

    private async Task<IActionResult?> LoadKpiAsync(Guid dpsId, string quarter, Guid kpiId)
    {
        if (await LoadAsync(dpsId, quarter) is { } refusal)
        {
            return refusal;
        }
        if (Return.Values.SingleOrDefault(v => v.KpiId == kpiId) is not { } kpi || !Return.Editable)
        {
            return NotFound();
        }
        Kpi = kpi;
        return null;
    }
}

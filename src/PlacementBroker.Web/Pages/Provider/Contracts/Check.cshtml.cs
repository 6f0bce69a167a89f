using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Web.Pages.Provider.Contracts;

/// <summary>Check your answers, then submit the return (or resubmit it after a query).</summary>
public class CheckModel(KpiService kpis) : ReturnPageModel(kpis)
{
    public async Task<IActionResult> OnGetAsync(Guid dpsId, string quarter) =>
        await LoadAsync(dpsId, quarter) ?? (Return.Editable ? Page() : RedirectToPage("/Provider/Contracts/Return", new { dpsId, quarter }));

    public async Task<IActionResult> OnPostAsync(Guid dpsId, string quarter)
    {
        if (await LoadAsync(dpsId, quarter) is { } refusal)
        {
            return refusal;
        }
        var resubmission = Return.Status == KpiReturnStatus.Queried;
        return await SettleAsync(await Kpis.SubmitAsync(Actor, ProviderId, dpsId, quarter, new SubmitReturnRequest([]), Aborted),
            _ => Done(resubmission ? $"Your KPI return for {quarter} has been resubmitted" : $"Your KPI return for {quarter} has been submitted", "/Provider/Contracts/Index"),
            async () => await LoadAsync(dpsId, quarter) ?? Page());
    }
}

using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Web.Pages.Provider.Contracts;

/// <summary>The return as a task list: measured figures filled in, reported ones to complete; then check your answers.</summary>
public class ReturnModel(KpiService kpis) : ReturnPageModel(kpis)
{
    public async Task<IActionResult> OnGetAsync(Guid dpsId, string quarter) => await LoadAsync(dpsId, quarter) ?? Page();
}

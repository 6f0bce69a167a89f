using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Web.Pages.Contracts;

/// <summary>The DPSs whose contracts the council manages or shares, with what needs attention in each.</summary>
public class IndexModel(ContractOverviewService overview) : ContractsPageModel
{
    public IReadOnlyList<DpsContractsSummary> Dpss { get; private set; } = [];

    public async Task OnGetAsync() => Dpss = await overview.DpsListAsync(Actor, Aborted);
}

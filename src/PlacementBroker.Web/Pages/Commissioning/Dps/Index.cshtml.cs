namespace PlacementBroker.Web.Pages.Commissioning.Dps;

/// <summary>The DPSs the commissioner's authority leads or takes part in.</summary>
public class IndexModel(DpsService dps) : CommissioningPageModel
{
    public List<DpsView> Systems { get; private set; } = [];

    public bool Leads(DpsView d) => d.LeadLocalAuthorityId == AuthorityId;

    public async Task OnGetAsync() => Systems = await dps.ListForAuthorityAsync(AuthorityId, Aborted);
}

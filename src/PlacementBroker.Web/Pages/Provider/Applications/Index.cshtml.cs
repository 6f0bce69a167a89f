namespace PlacementBroker.Web.Pages.Provider.Applications;

public class IndexModel(AdmissionService admissions) : ProviderPageModel
{
    public List<ApplicationQueueItem> Applications { get; private set; } = [];

    public async Task OnGetAsync() => Applications = await admissions.ForProviderAsync(Actor, Aborted);
}

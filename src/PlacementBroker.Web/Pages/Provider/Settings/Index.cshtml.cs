namespace PlacementBroker.Web.Pages.Provider.Settings;

public class IndexModel(SettingService settings) : ProviderPageModel
{
    public List<SettingView> Settings { get; private set; } = [];

    public async Task OnGetAsync() => Settings = await settings.ForProviderAsync(Actor, ProviderId, Aborted);
}

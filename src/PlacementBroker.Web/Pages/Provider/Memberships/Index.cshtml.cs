namespace PlacementBroker.Web.Pages.Provider.Memberships;

public class IndexModel(MembershipService memberships) : ProviderPageModel
{
    public List<MembershipView> Memberships { get; private set; } = [];

    public async Task OnGetAsync() => Memberships = await memberships.ForProviderAsync(ProviderId, Aborted);
}

namespace PlacementBroker.Web.Pages.Admin.SettingReviews;

/// <summary>Settings held because their Ofsted URN is claimed twice or disagrees with the register, and those decided.</summary>
public class IndexModel(SettingService settings) : PlacementBrokerPageModel
{
    public IReadOnlyList<SettingReviewView> Reviews { get; private set; } = [];

    public async Task OnGetAsync() => Reviews = await settings.ReviewsAsync(Actor, pendingOnly: false, Aborted);
}

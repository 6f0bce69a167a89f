using Microsoft.AspNetCore.Mvc.RazorPages;
using PlacementBroker.Core.Providers;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.Admin.SettingReviews;

/// <summary>Settings held because their Ofsted URN is claimed twice or disagrees with the register, and those decided.</summary>
public class IndexModel(SettingService settings) : PageModel
{
    public IReadOnlyList<SettingReviewView> Reviews { get; private set; } = [];

    public async Task OnGetAsync() => Reviews = await settings.ReviewsAsync(HttpContext.ToActor(), pendingOnly: false, HttpContext.RequestAborted);
}

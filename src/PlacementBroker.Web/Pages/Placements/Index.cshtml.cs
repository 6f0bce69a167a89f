using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlacementBroker.Core.Placements;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.Placements;

[Authorize]
public class IndexModel(PlacementService placements) : PageModel
{
    public List<PlacementView> Placements { get; private set; } = [];
    public string Show { get; private set; } = "active";

    public async Task OnGetAsync(string? show)
    {
        Show = show is "ended" or "all" ? show : "active";
        var status = Show switch { "ended" => PlacementStatus.Ended, "all" => (PlacementStatus?)null, _ => PlacementStatus.Active };
        Placements = await placements.ListAsync(HttpContext.ToActor(), status, HttpContext.RequestAborted);
    }
}

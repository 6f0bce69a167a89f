using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlacementBroker.Core.Placements;
using PlacementBroker.Web.Api;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.Approvals;

[Authorize(Policy = ReferralEndpoints.ReferralReaders)]
public class IndexModel(PlacementService placements) : PageModel
{
    public List<ApprovalView> Pending { get; private set; } = [];
    public List<ApprovalView> Decided { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var all = await placements.ApprovalsAsync(HttpContext.ToActor(), null, HttpContext.RequestAborted);
        Pending = [.. all.Where(a => a.Status == ApprovalStatus.Pending)];
        Decided = [.. all.Where(a => a.Status != ApprovalStatus.Pending).OrderByDescending(a => a.DecidedAt).Take(50)];
    }
}

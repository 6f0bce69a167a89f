using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlacementBroker.Core;
using PlacementBroker.Core.Placements;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.Placements;

/// <summary>One placement. Shows the child's identity to the placing authority and the placed provider: the read is audited.</summary>
[Authorize]
public class ShowModel(PlacementService placements) : PageModel
{
    public PlacementView Placement { get; private set; } = null!;
    public bool CanEnd { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await placements.FindAsync(HttpContext.ToActor(), id, ct: HttpContext.RequestAborted) is not { } placement)
        {
            return NotFound();
        }
        Placement = placement;
        CanEnd = placement.Status == PlacementStatus.Active && User.GetRole() == Role.PlacingOfficer;
        return Page();
    }
}

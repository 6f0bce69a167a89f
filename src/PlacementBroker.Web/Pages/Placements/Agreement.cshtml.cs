using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlacementBroker.Core;
using PlacementBroker.Core.Placements;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.Placements;

/// <summary>The printable Individual Placement Agreement, built from the accepted offer, for the two parties to it.</summary>
// The agreement names the child: only the roles that see the child open it (commissioners and QA officers see placements without).
[Authorize(Roles = nameof(Role.PlacingOfficer) + "," + nameof(Role.PlacementManager) + "," + nameof(Role.ProviderUser))]
public class AgreementModel(PlacementService placements) : PageModel
{
    public PlacementView Placement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await placements.FindAsync(HttpContext.ToActor(), id, ct: HttpContext.RequestAborted) is not { } placement)
        {
            return NotFound();
        }
        Placement = placement;
        return Page();
    }
}

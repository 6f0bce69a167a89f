using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlacementBroker.Core.Placements;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.Placements;

/// <summary>The printable Individual Placement Agreement, built from the accepted offer, for the two parties to it.</summary>
[Authorize]
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

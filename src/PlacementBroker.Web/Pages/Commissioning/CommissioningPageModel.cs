using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlacementBroker.Core;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.Commissioning;

/// <summary>What every commissioner page does with a service's answer.</summary>
public abstract class CommissioningPageModel : PageModel
{
    protected Actor Actor => HttpContext.ToActor();

    protected Guid AuthorityId => User.GetLocalAuthorityId() ?? Guid.Empty;

    /// <summary>A DPS the commissioner's authority leads or takes part in; null for any other (the not-found page).</summary>
    protected async Task<Core.Dps.DpsView?> VisibleDpsAsync(Core.Dps.DpsService dps, Guid id) =>
        await dps.VisibleToAsync(id, AuthorityId, HttpContext.RequestAborted) ? await dps.FindAsync(Actor, id, HttpContext.RequestAborted) : null;

    /// <summary>Only the lead authority's DPS: a participant gets the no-access page, anyone else the not-found page.</summary>
    protected async Task<(Core.Dps.DpsView? Dps, IActionResult? Refusal)> LeadDpsAsync(Core.Dps.DpsService dps, Guid id) =>
        await VisibleDpsAsync(dps, id) is not { } found ? (null, NotFound())
        : found.LeadLocalAuthorityId != AuthorityId ? (null, Forbid())
        : (found, null);

    /// <summary>
    /// A refused outcome as the page shows it: unknown or foreign ids are the 404 page, a wrong role the 403 page;
    /// field errors go inline and into the error summary (mapped by <paramref name="fields"/>); a conflict (409) or a
    /// broken business rule (422) is a message in the error summary. Null when the page should be shown again.
    /// </summary>
    protected IActionResult? Refused<T>(Outcome<T> outcome, IReadOnlyDictionary<string, string>? fields = null)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
        }
        if (outcome.Errors.Count > 0)
        {
            ModelState.AddFieldErrors(outcome.Errors, fields ?? new Dictionary<string, string>());
        }
        else
        {
            ModelState.AddModelError("", outcome.Message ?? "The change could not be made");
        }
        return null;
    }

    protected void Success(string message) => TempData["Success"] = message;
}

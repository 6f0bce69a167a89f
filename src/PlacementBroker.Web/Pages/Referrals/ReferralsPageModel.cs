using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlacementBroker.Core;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>
/// The placing authority's referral pages. The folder needs the ReferralReaders policy (placing officers and placement
/// managers); the pages that write need a placing officer as well.
/// </summary>
public abstract class ReferralsPageModel : PageModel
{
    public const string SuccessKey = "Success";

    protected Actor Actor => HttpContext.ToActor();

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    public bool IsOfficer => User.GetRole() == Role.PlacingOfficer;

    /// <summary>The form's fields in the order they appear, for the error summary.</summary>
    public virtual IEnumerable<string> FieldOrder => [];

    protected void Success(string message) => TempData[SuccessKey] = message;

    /// <summary>
    /// A refused outcome as the page shows it: unknown or foreign ids are the 404 page, a wrong role the 403 page; field
    /// errors go against the page's fields (and into the error summary); anything else is a message in the summary.
    /// Null when the page should be shown again with the errors.
    /// </summary>
    protected IActionResult? Refused<T>(Outcome<T> outcome, IReadOnlyDictionary<string, string>? fields = null,
        IReadOnlyDictionary<string, string>? unreadable = null)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
        }
        unreadable ??= new Dictionary<string, string>();
        if (outcome.Errors.Count > 0)
        {
            // Where the page could not read a value its own message replaces the service's, which saw it as missing.
            foreach (var (field, messages) in outcome.Errors)
            {
                var key = fields?.GetValueOrDefault(field) ?? "";
                if (unreadable.ContainsKey(key))
                {
                    continue;
                }
                foreach (var message in messages)
                {
                    ModelState.AddModelError(key, message);
                }
            }
        }
        else if (outcome.Kind != OutcomeKind.Success)
        {
            ModelState.AddModelError("", outcome.Message ?? "The change could not be made");
        }
        foreach (var (field, message) in unreadable)
        {
            ModelState.AddModelError(field, message);
        }
        return null;
    }
}

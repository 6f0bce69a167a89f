using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlacementBroker.Core;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.Quality;

/// <summary>What every QA form does with the quality service's answer.</summary>
public abstract class QaPageModel : PageModel
{
    protected Actor Actor => HttpContext.ToActor();

    /// <summary>Unknown ids are the 404 page, a wrong role the 403 page; field errors go inline and into the summary. Null to show the page again.</summary>
    protected IActionResult? Refused<T>(Outcome<T> outcome, IReadOnlyDictionary<string, string> fields)
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
            ModelState.AddFieldErrors(outcome.Errors, fields);
        }
        else
        {
            ModelState.AddModelError("", outcome.Message ?? "The change could not be made");
        }
        return null;
    }

    protected static T? Parse<T>(string? value) where T : struct, Enum => Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    protected void Success(string message) => TempData["Success"] = message;
}

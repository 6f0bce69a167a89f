using Microsoft.AspNetCore.Mvc.RazorPages;
using PlacementBroker.Core;
using PlacementBroker.Web.Auth;

namespace PlacementBroker.Web.Pages.Provider;

/// <summary>The provider pages' common ground: the signed-in provider user and a one-time success message.</summary>
public abstract class ProviderPageModel : PageModel
{
    public const string SuccessKey = "Success";

    protected Actor Actor => HttpContext.ToActor();

    /// <summary>Every page in /Provider requires the ProviderUser policy, which requires the provider claim.</summary>
    protected Guid ProviderId => User.GetProviderId() ?? throw new InvalidOperationException("The signed-in user has no provider.");

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>The form's fields in the order they appear, for the error summary.</summary>
    public virtual IEnumerable<string> FieldOrder => [];

    /// <summary>Shown once, as a success notification banner, on the page the user is sent to next.</summary>
    protected void Success(string message) => TempData[SuccessKey] = message;

    /// <summary>
    /// The service's field errors (mapped onto the page's fields) and the page's own "could not read this" errors. Where
    /// the page could not read a value, its message replaces the service's (which only saw the value as missing).
    /// </summary>
    protected void ShowErrors(IReadOnlyDictionary<string, string[]> serviceErrors, IReadOnlyDictionary<string, string> fieldMap,
        IReadOnlyDictionary<string, string> unreadable)
    {
        var errors = serviceErrors
            .SelectMany(e => e.Value.Select(message => (Field: fieldMap.GetValueOrDefault(e.Key, ""), Message: message)))
            .Where(e => !unreadable.ContainsKey(e.Field))
            .Concat(unreadable.Select(u => (Field: u.Key, Message: u.Value)));
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }
    }

    /// <summary>A refusal that belongs to no one field: shown in the error summary.</summary>
    protected void Problem(string? message) => ModelState.AddModelError("", message ?? "Something went wrong. Try again.");
}

using System.Collections.Concurrent;
using System.Reflection;

namespace PlacementBroker.Web.Pages;

/// <summary>
/// What every page does the same way: who is signed in (<see cref="Actor"/>), the one-time success banner shown on
/// the next page (<see cref="Success"/>, rendered by Shared/_SuccessBanner), and a refused <see cref="Outcome{T}"/>
/// turned into the GOV.UK error summary (<see cref="Refused{T}"/>). A POST ends with <see cref="Settle{T}"/>: the
/// banner and the next page (<see cref="Done"/>) on success, the refusal otherwise. The area bases add only what is
/// theirs: the provider's or authority's id, the role checks.
/// </summary>
public abstract class PlacementBrokerPageModel : PageModel
{
    /// <summary>The TempData key of the success banner's message.</summary>
    public const string SuccessKey = "Success";

    private static readonly ConcurrentDictionary<(Type, string), string> ConventionKeys = new();

    protected Actor Actor => HttpContext.ToActor();

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>
    /// The form's fields in the order they appear, for the error summary. By default the page's bound properties in the
    /// order they are declared, an input model's own properties in theirs ("Input.EndDate", "Input.Reason"): declare
    /// them in the form's order, or override this where the form's order differs.
    /// </summary>
    public virtual IEnumerable<string> FieldOrder => DeclaredFieldOrder(GetType());

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<string>> DeclaredOrders = new();

    /// <summary>The bound properties of <paramref name="pageType"/> (and of its input models) in the order they are declared.</summary>
    public static IReadOnlyList<string> DeclaredFieldOrder(Type pageType) => DeclaredOrders.GetOrAdd(pageType, type =>
    {
        var bindsAll = type.GetCustomAttribute<BindPropertiesAttribute>(inherit: true) is not null;
        var bound = type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.CanWrite && (bindsAll || p.GetCustomAttribute<BindPropertyAttribute>(inherit: true) is not null))
            .OrderBy(p => p.MetadataToken);
        return [.. bound.SelectMany(p => Fields(p.PropertyType, p.Name, depth: 0))];
    });

    private static IEnumerable<string> Fields(Type type, string name, int depth)
    {
        var inputModel = type.IsClass && type != typeof(string) && type != typeof(TagHelpers.DateInputValue)
            && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true;
        if (!inputModel || depth > 2)
        {
            return [name];
        }
        return type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken).SelectMany(p => Fields(p.PropertyType, $"{name}.{p.Name}", depth + 1));
    }

    /// <summary>Shown once, as a success notification banner, on the page the user is sent to next.</summary>
    protected void Success(string message) => TempData[SuccessKey] = message;

    /// <summary>The success banner, then the page to go to: how every form that worked ends.</summary>
    protected IActionResult Done(string banner, string page, object? routeValues = null)
    {
        Success(banner);
        return RedirectToPage(page, routeValues);
    }

    /// <summary>
    /// How a POST ends: a success goes where <paramref name="onSuccess"/> says (usually <see cref="Done"/>); a refusal is
    /// <see cref="Refused{T}"/>'s not-found or no-access page, or this page again with the error summary.
    /// </summary>
    protected IActionResult Settle<T>(Outcome<T> outcome, Func<T, IActionResult> onSuccess, IReadOnlyDictionary<string, string>? fields = null,
        IReadOnlyDictionary<string, string>? unreadable = null, (OutcomeKind Kind, string Field)? messageAt = null) =>
        outcome.Succeeded ? onSuccess(outcome.Value!) : Refused(outcome, fields, unreadable, messageAt) ?? Page();

    /// <summary>
    /// As <see cref="Settle{T}"/>, for a page that must load again (its choices, the record it is about) before it is shown
    /// with the errors: <paramref name="showAgain"/> does that and gives the result.
    /// </summary>
    protected async Task<IActionResult> SettleAsync<T>(Outcome<T> outcome, Func<T, IActionResult> onSuccess, Func<Task<IActionResult>> showAgain,
        IReadOnlyDictionary<string, string>? fields = null, IReadOnlyDictionary<string, string>? unreadable = null,
        (OutcomeKind Kind, string Field)? messageAt = null) =>
        outcome.Succeeded ? onSuccess(outcome.Value!) : Refused(outcome, fields, unreadable, messageAt) ?? await showAgain();

    /// <summary>
    /// A form whose typed values (dates, amounts, numbers) must all be readable before anything is sent: <paramref name="read"/>
    /// parses them, putting what it cannot read into the dictionary (field → message). If something could not be read the
    /// page is shown again with it at its field; otherwise <paramref name="send"/> asks the service and the outcome is
    /// settled (<see cref="SettleAsync{T}"/>), <paramref name="onSuccess"/> seeing the values read as well as the result.
    /// </summary>
    protected async Task<IActionResult> ReadThenSendAsync<TValues, T>(Func<IDictionary<string, string>, TValues> read,
        Func<TValues, Task<Outcome<T>>> send, Func<TValues, T, IActionResult> onSuccess, Func<Task<IActionResult>>? showAgain = null,
        IReadOnlyDictionary<string, string>? fields = null, (OutcomeKind Kind, string Field)? messageAt = null)
    {
        ModelState.Clear();
        showAgain ??= () => Task.FromResult<IActionResult>(Page());
        var unreadable = new Dictionary<string, string>();
        var values = read(unreadable);
        if (Unreadable(unreadable))
        {
            return await showAgain();
        }
        return await SettleAsync(await send(values), result => onSuccess(values, result), showAgain, fields, unreadable, messageAt);
    }

    /// <summary>This page, after <paramref name="load"/> has loaded what it shows besides the form (its choices): for <c>showAgain</c>.</summary>
    protected async Task<IActionResult> PageAsync(Func<Task> load)
    {
        await load();
        return Page();
    }

    /// <summary>This page once <paramref name="found"/> has loaded what it is about, or the not-found page: for <c>showAgain</c>.</summary>
    protected async Task<IActionResult> PageIfFoundAsync(Task<bool> found) => await found ? Page() : NotFound();

    /// <summary>A refusal that belongs to no one field: shown in the error summary.</summary>
    protected void Problem(string? message) => ModelState.AddModelError("", message ?? "Something went wrong. Try again.");

    /// <summary>
    /// A refused outcome as the page shows it: unknown or foreign ids are the 404 page, a wrong role the 403 page; field
    /// errors go inline and into the error summary; a conflict (409) or a broken business rule (422) without a field
    /// is a message in the summary. Null when the page should be shown again with the errors.
    /// A service field is put against the page's field by convention (<see cref="FieldKey"/>); <paramref name="fields"/>
    /// lists only the exceptions. <paramref name="unreadable"/> are the page's own "could not read this" errors: where
    /// the page could not read a value, its message replaces the service's (which only saw the value as missing).
    /// <paramref name="messageAt"/> is the page's exception for a refusal of one kind without field errors: its message is
    /// shown at that field instead of only in the summary (an email address already in use, at the email).
    /// </summary>
    protected IActionResult? Refused<T>(Outcome<T> outcome, IReadOnlyDictionary<string, string>? fields = null,
        IReadOnlyDictionary<string, string>? unreadable = null, (OutcomeKind Kind, string Field)? messageAt = null)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Forbidden:
                return Forbid();
        }
        ShowErrors(outcome.Errors, fields, unreadable);
        if (outcome.Errors.Count == 0 && outcome.Kind != OutcomeKind.Success)
        {
            var field = messageAt is { } at && at.Kind == outcome.Kind ? at.Field : "";
            ModelState.AddModelError(field, outcome.Message ?? "The change could not be made");
        }
        return null;
    }

    /// <summary>Field errors (a service's, by its field names) and the page's own unreadable values, into the ModelState.</summary>
    protected void ShowErrors(IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, string>? fields = null,
        IReadOnlyDictionary<string, string>? unreadable = null)
    {
        unreadable ??= new Dictionary<string, string>();
        foreach (var (field, messages) in errors)
        {
            var key = FieldKey(field, fields);
            if (unreadable.ContainsKey(key))
            {
                continue;
            }
            foreach (var message in messages)
            {
                ModelState.AddModelError(key, message);
            }
        }
        foreach (var (field, message) in unreadable)
        {
            ModelState.AddModelError(field, message);
        }
    }

    /// <summary>The page's own "could not read this" errors into the ModelState; true when there were any.</summary>
    protected bool Unreadable(IReadOnlyDictionary<string, string> unreadable)
    {
        foreach (var (field, message) in unreadable)
        {
            ModelState.AddModelError(field, message);
        }
        return unreadable.Count > 0;
    }

    /// <summary>
    /// The page's field for a service's field: the exception in <paramref name="fields"/> if there is one, else by
    /// convention the bound property of that name ("weeklyPrice" → "WeeklyPrice", or "Input.WeeklyPrice" on the
    /// page's bound input model; "child.firstName" → "ChildFirstName", else "FirstName"); "" (the summary only) when there is none.
    /// </summary>
    protected string FieldKey(string field, IReadOnlyDictionary<string, string>? fields = null) =>
        fields is not null && fields.TryGetValue(field, out var mapped) ? mapped : ConventionKeys.GetOrAdd((GetType(), field), Convention);

    private static string Convention((Type Page, string Field) key)
    {
        var parts = key.Field.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]).ToList();
        if (parts.Count == 0)
        {
            return "";
        }
        // "child.firstName": "ChildFirstName", else "FirstName".
        string[] names = parts.Count > 1 ? [string.Concat(parts), parts[^1]] : [parts[0]];
        var bindAll = key.Page.GetCustomAttribute<BindPropertiesAttribute>() is not null;
        var bound = key.Page.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => bindAll || p.GetCustomAttribute<BindPropertyAttribute>() is not null)
            .ToList();
        foreach (var name in names)
        {
            if (bound.Any(p => p.Name == name))
            {
                return name;
            }
            if (bound.FirstOrDefault(p => p.PropertyType.IsClass && p.PropertyType != typeof(string)
                && p.PropertyType.GetProperty(name, BindingFlags.Public | BindingFlags.Instance) is not null) is { } model)
            {
                return $"{model.Name}.{name}";
            }
        }
        return "";
    }
}

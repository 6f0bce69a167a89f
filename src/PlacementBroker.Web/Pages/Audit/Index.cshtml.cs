using System.Text;
using PlacementBroker.Core.DataProtection;

namespace PlacementBroker.Web.Pages.Audit;

/// <summary>
/// The audit trail of the lead's own council, newest first, filtered by a GET form that shares the API's query string;
/// the Csv handler downloads the same filtered entries. Entries of other councils are never read.
/// </summary>
public class IndexModel(AuditQueryService audit) : PlacementBrokerPageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["from"] = nameof(From), ["to"] = nameof(To), ["action"] = nameof(ActionName), ["userEmail"] = nameof(UserEmail),
        ["entityType"] = nameof(EntityType), ["entityId"] = nameof(EntityId),
    };

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? ActionName { get; set; }
    [BindProperty(SupportsGet = true)] public string? UserEmail { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }

    public Paged<AuditEntryView>? Entries { get; private set; }
    public List<string> Actions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = Actor;
        Actions = await audit.ActionsAsync(actor, Aborted);
        if (Filter() is not { } filter)
        {
            return Page();
        }
        var outcome = await audit.SearchAsync(actor, filter, Request.WebPage(), Aborted);
        if (!outcome.Succeeded)
        {
            return Forbid();
        }
        Entries = outcome.Value;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var actor = Actor;
        if (Filter() is not { } filter)
        {
            Actions = await audit.ActionsAsync(actor, Aborted);
            return Page();
        }
        var outcome = await audit.CsvAsync(actor, filter, Aborted);
        return outcome.Succeeded ? File(Encoding.UTF8.GetBytes(outcome.Value!), "text/csv; charset=utf-8", "audit-trail.csv") : Forbid();
    }

    private AuditFilter? Filter()
    {
        var (filter, errors) = AuditQueryService.Parse(From, To, ActionName, UserEmail, EntityType, EntityId);
        if (filter is null)
        {
            ShowErrors(Outcome<int>.Invalid(errors).Errors, Fields);
        }
        return filter;
    }

    /// <summary>The current filters as a query string, for the CSV link.</summary>
    public string QueryString()
    {
        var parts = new List<string>();
        foreach (var (name, value) in new[] { ("from", From), ("to", To), ("action", ActionName), ("userEmail", UserEmail), ("entityType", EntityType), ("entityId", EntityId) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
            }
        }
        return string.Join("&", parts);
    }
}

using System.Text;
using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Web.Pages.Commissioning.Sufficiency;

/// <summary>
/// Market sufficiency for a period, lot and scope. The filters are a GET form sharing the API's query string
/// (from, to, lotId, scope), so a view can be bookmarked or shared; the Csv handler downloads the same figures.
/// </summary>
public class IndexModel(SufficiencyService sufficiency, DpsService dps, TimeProvider clock) : CommissioningPageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["from"] = "from", ["to"] = "to", ["lotId"] = "lotId", ["scope"] = "scope",
    };

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "lotId")]
    public string? LotId { get; set; }

    [BindProperty(SupportsGet = true, Name = "scope")]
    public string? Scope { get; set; }

    // The form's GOV.UK date inputs; a shared address may instead carry from and to as YYYY-MM-DD, as the API does.
    [BindProperty(SupportsGet = true, Name = "fromDay")] public string? FromDay { get; set; }
    [BindProperty(SupportsGet = true, Name = "fromMonth")] public string? FromMonth { get; set; }
    [BindProperty(SupportsGet = true, Name = "fromYear")] public string? FromYear { get; set; }
    [BindProperty(SupportsGet = true, Name = "toDay")] public string? ToDay { get; set; }
    [BindProperty(SupportsGet = true, Name = "toMonth")] public string? ToMonth { get; set; }
    [BindProperty(SupportsGet = true, Name = "toYear")] public string? ToYear { get; set; }

    public List<SelectListItem> Lots { get; private set; } = [];
    public bool LeadsADps { get; private set; }
    public SufficiencyReport? Report { get; private set; }

    public bool WholeDps => string.Equals(Scope, "dps", StringComparison.OrdinalIgnoreCase);

    /// <summary>The query string of the current filters, for the CSV link.</summary>
    public string QueryString()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        Add("from", From);
        Add("to", To);
        Add("lotId", LotId);
        Add("scope", Scope);
        return string.Join("&", parts);
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var refused = await LoadAsync();
        if (refused is not null)
        {
            return refused;
        }
        if (Report is not { } report)
        {
            return Page();
        }
        var name = string.Create(CultureInfo.InvariantCulture, $"sufficiency-{report.From:yyyy-MM-dd}-to-{report.To:yyyy-MM-dd}.csv");
        return File(Encoding.UTF8.GetBytes(SufficiencyService.ToCsv(report)), "text/csv; charset=utf-8", name);
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var ct = Aborted;
        var systems = await dps.ListForAuthorityAsync(AuthorityId, ct);
        LeadsADps = systems.Any(d => d.LeadLocalAuthorityId == AuthorityId);
        Lots = [new("All lots", ""), .. systems.SelectMany(d => d.Lots.Select(l =>
            new SelectListItem(systems.Count == 1 ? l.Name : $"{l.Name} ({d.Name})", l.Id.ToString(), string.Equals(l.Id.ToString(), LotId, StringComparison.OrdinalIgnoreCase))))];
        var partsUnreadable = false;
        From = FromParts("from", "The start date", FromDay, FromMonth, FromYear, From, ref partsUnreadable);
        To = FromParts("to", "The end date", ToDay, ToMonth, ToYear, To, ref partsUnreadable);
        if (partsUnreadable)
        {
            return null;
        }
        var (query, errors) = SufficiencyEndpoints.Parse(From, To, LotId, Scope, clock);
        if (errors.Any || query is null)
        {
            ShowErrors(Outcome<int>.Invalid(errors).Errors, Fields);
            return null;
        }
        var outcome = await sufficiency.ReportAsync(Actor, query, ct);
        if (!outcome.Succeeded)
        {
            return Refused(outcome, Fields);
        }
        var report = outcome.Value!;
        Report = report;
        From ??= report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To ??= report.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>A date typed into the three boxes, as YYYY-MM-DD; the <paramref name="fallback"/> when all three are empty.</summary>
    private string? FromParts(string field, string what, string? day, string? month, string? year, string? fallback, ref bool unreadable)
    {
        var parts = new TagHelpers.DateInputValue { Day = day, Month = month, Year = year };
        if (parts.IsEmpty)
        {
            return fallback;
        }
        var date = parts.Read(what, out var error);
        if (error is not null)
        {
            ModelState.AddModelError(field, error);
            unreadable = true;
            return fallback;
        }
        return date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The day, month and year the form shows for a date held as YYYY-MM-DD (or typed, when it could not be read).</summary>
    public (string? Day, string? Month, string? Year) Parts(string field) =>
        (field == "from" ? (FromDay, FromMonth, FromYear, From) : (ToDay, ToMonth, ToYear, To)) switch
        {
            var (d, m, y, _) when !string.IsNullOrWhiteSpace(d) || !string.IsNullOrWhiteSpace(m) || !string.IsNullOrWhiteSpace(y) => (d, m, y),
            var (_, _, _, iso) when DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
                (date.Day.ToString(CultureInfo.InvariantCulture), date.Month.ToString(CultureInfo.InvariantCulture), date.Year.ToString(CultureInfo.InvariantCulture)),
            var (_, _, _, iso) => (null, null, iso),
        };

    public IEnumerable<string> ErrorsFor(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    public static string Number(decimal? value, string suffix = "") =>
        value is { } v ? v.ToString("#,##0.##", CultureInfo.GetCultureInfo("en-GB")) + suffix : "—";

    /// <summary>A need as the pages name it ("Emotional and behavioural").</summary>
    public static string NeedLabel(string key, string label) => FormValues.Choice<Need>(key) is { } need ? Words.Name(need) : label;

    public static string Percent(decimal? value) => Number(value, "%");

    /// <summary>The report's sections, for its contents list: each heading's id and text, in the order of the page.</summary>
    public static IReadOnlyList<(string Id, string Heading)> Sections(SufficiencyScope scope) =>
    [
        ("headline-figures", "Headline figures"), ("demand", "Demand"), ("supply", "Supply"), ("outcomes-heading", "Outcomes"),
        ("price-heading", "Price"), ("quality", "Quality"), ("locality", "Locality"), ("block-contracts", "Block contracts"),
        ("unmet-need", "Unmet need"), .. scope == SufficiencyScope.Dps ? [("price-disparities-heading", "Price disparities")] : Array.Empty<(string, string)>(),
    ];
}

using System.Text;
using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Web.Pages.Commissioning.ProviderPerformance;

/// <summary>
/// The scorecards of every provider on the commissioner's DPSs, filtered by name and sorted by what is being compared.
/// The filters are a GET form, so a view can be shared; the Csv handler downloads the table as shown.
/// </summary>
public class IndexModel(ProviderPerformanceService performance) : CommissioningPageModel
{
    public static readonly IReadOnlyList<(string Key, string Label)> Sorts =
    [
        ("name", "Name"),
        ("referrals", "Most referrals received"),
        ("response", "Lowest response rate"),
        ("acceptance", "Highest acceptance rate"),
        ("disruptions", "Most disruptions"),
    ];

    /// <summary>How many of the most-referred providers the chart compares; the table holds them all.</summary>
    public const int Charted = 15;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    public List<Core.Sufficiency.ProviderPerformance> Providers { get; private set; } = [];
    public int Total { get; private set; }
    public List<Core.Sufficiency.ProviderPerformance> MostReferred { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var refused = await LoadAsync();
        if (refused is not null)
        {
            return refused;
        }
        var csv = new StringBuilder("provider,referralsReceived,responded,responseRatePercent,medianResponseHours,offers,offersAccepted,acceptanceRatePercent,placements,placementsEnded,disruptionsWithin12Weeks,qaFlagsRaised,qaFlagsOpen,qaVisits,lastQaVisit\r\n");
        foreach (var p in Providers)
        {
            csv.Append(string.Join(',', CsvField.Of(p.ProviderName), p.ReferralsReceived, p.Responded, N(p.ResponseRatePercent), N(p.MedianResponseHours), p.Offers,
                p.OffersAccepted, N(p.AcceptanceRatePercent), p.Placements, p.PlacementsEnded, p.DisruptionsWithin12Weeks, p.QaFlagsRaised, p.QaFlagsOpen,
                p.QaVisits, p.LastQaVisit?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "")).Append("\r\n");
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "provider-performance.csv");

        static string N(decimal? value) => value?.ToString("0.##########", CultureInfo.InvariantCulture) ?? "";
    }

    public string QueryString()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            parts.Add($"q={Uri.EscapeDataString(Search)}");
        }
        if (!string.IsNullOrWhiteSpace(Sort))
        {
            parts.Add($"sort={Uri.EscapeDataString(Sort)}");
        }
        return string.Join("&", parts);
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var outcome = await performance.ScorecardsAsync(Actor, providerId: null, Aborted);
        if (!outcome.Succeeded)
        {
            return Refused(outcome);
        }
        var all = outcome.Value!;
        Total = all.Count;
        MostReferred = [.. all.Where(p => p.ReferralsReceived > 0).OrderByDescending(p => p.ReferralsReceived).ThenBy(p => p.ProviderName).Take(Charted)];
        var search = Search?.Trim();
        var shown = string.IsNullOrEmpty(search) ? all : all.Where(p => p.ProviderName.Contains(search, StringComparison.OrdinalIgnoreCase));
        // An unknown sort is the default order rather than an error: the value only ever comes from the form's own list.
        Providers = [.. Sort switch
        {
            "referrals" => shown.OrderByDescending(p => p.ReferralsReceived).ThenBy(p => p.ProviderName),
            "response" => shown.OrderBy(p => p.ResponseRatePercent ?? decimal.MaxValue).ThenBy(p => p.ProviderName),
            "acceptance" => shown.OrderByDescending(p => p.AcceptanceRatePercent ?? -1).ThenBy(p => p.ProviderName),
            "disruptions" => shown.OrderByDescending(p => p.DisruptionsWithin12Weeks).ThenBy(p => p.ProviderName),
            _ => shown.OrderBy(p => p.ProviderName, StringComparer.OrdinalIgnoreCase),
        }];
        return null;
    }
}

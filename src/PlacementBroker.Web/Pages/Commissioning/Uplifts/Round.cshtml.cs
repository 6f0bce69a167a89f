using System.Text;
using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Web.Pages.Commissioning.Uplifts;

/// <summary>A round: its requests to decide, and what it costs per lot and overall, as a chart, a table and a CSV.</summary>
public class RoundModel(UpliftService uplifts) : CommissioningPageModel
{
    public UpliftRoundView Round { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    /// <summary>Each lot's and the whole round's figures, then each request, for a spreadsheet.</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        var csv = new StringBuilder("Scope,Requests received,Requests decided,Weighted average uplift agreed (%),Annual spend before (£),Annual spend after (£)\r\n");
        foreach (var cost in Round.Lots.Prepend(new UpliftCost(null, "All lots", Round.Requests.Count, Round.Requests.Count(r => r.AgreedPercent is not null),
                     Round.WeightedAverageAgreedPercent, Round.AnnualSpendBefore, Round.AnnualSpendAfter)))
        {
            csv.Append(string.Join(",", CsvField.Of(cost.Name), cost.RequestsReceived, cost.RequestsDecided, Number(cost.WeightedAverageAgreedPercent),
                Number(cost.AnnualSpendBefore), Number(cost.AnnualSpendAfter))).Append("\r\n");
        }
        csv.Append("\r\nProvider,Requested (%),Status,Agreed (%),Annual spend before (£),Annual spend after (£)\r\n");
        foreach (var r in Round.Requests)
        {
            csv.Append(string.Join(",", CsvField.Of(r.ProviderName), Number(r.RequestedPercent), r.Status, Number(r.AgreedPercent), Number(r.AnnualSpendBefore),
                Number(r.AnnualSpendAfter))).Append("\r\n");
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"uplift-round-{Slug(Round.Name)}.csv");
    }

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The width class of a chart bar: its share of the largest figure, in steps of 5%.</summary>
    public static string Width(decimal value, decimal largest) =>
        $"app-width-{(largest <= 0 ? 0 : (int)Math.Round(Math.Clamp(value / largest, 0, 1) * 20) * 5)}";

    private static string Slug(string name) => new([.. name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]);

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var found = await uplifts.RoundAsync(Actor, id, Aborted);
        if (!found.Succeeded)
        {
            return Refused(found) ?? NotFound();
        }
        Round = found.Value!;
        return null;
    }
}

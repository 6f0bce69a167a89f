using System.Text;
using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Web.Pages.Contracts;

/// <summary>A provider's contract record on a DPS: KPI trends as charts and tables, returns, reviews and plans; as CSV too.</summary>
public class RecordModel(ContractOverviewService overview, ContractAccess access) : ContractsPageModel
{
    public ContractRecord Record { get; private set; } = null!;
    public bool MayChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid dpsId, Guid providerId) => await LoadAsync(dpsId, providerId) ?? Page();

    /// <summary>Every KPI's figure quarter by quarter, one row each, for a spreadsheet.</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid dpsId, Guid providerId)
    {
        if (await LoadAsync(dpsId, providerId) is { } refusal)
        {
            return refusal;
        }
        var csv = new StringBuilder("Provider,DPS,KPI code,KPI,Unit,Target,Higher is better,Measured,Quarter,Return status,Figure,Below target\r\n");
        foreach (var trend in Record.Trends)
        {
            foreach (var point in trend.Points)
            {
                csv.Append(string.Join(",", CsvField.Of(Record.ProviderName), CsvField.Of(Record.DpsName), CsvField.Of(trend.Code), CsvField.Of(trend.Name),
                    trend.Unit, trend.Target.ToString(CultureInfo.InvariantCulture), trend.HigherIsBetter ? "yes" : "no", trend.Measured ? "yes" : "no", point.Quarter,
                    point.Status, point.Value?.ToString(CultureInfo.InvariantCulture) ?? "", point.BelowTarget ? "yes" : "no")).Append("\r\n");
            }
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"kpis-{Slug(Record.ProviderName)}.csv");
    }

    /// <summary>A commissioner of the lead authority marks a review's action done.</summary>
    public async Task<IActionResult> OnPostCompleteAsync(Guid dpsId, Guid providerId, Guid reviewId, Guid actionId, [FromServices] ContractReviewService reviews)
    {
        if (await LoadAsync(dpsId, providerId) is { } refusal)
        {
            return refusal;
        }
        ModelState.Clear();
        return await SettleAsync(await reviews.CompleteActionAsync(Actor, reviewId, actionId, null, Aborted),
            _ => Done("The action is marked as done", "/Contracts/Record", new { dpsId, providerId }),
            async () => await LoadAsync(dpsId, providerId) ?? Page());
    }

    private static string Slug(string name) => new([.. name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]);

    private async Task<IActionResult?> LoadAsync(Guid dpsId, Guid providerId)
    {
        var found = await overview.RecordAsync(Actor, providerId, dpsId, Aborted);
        if (!found.Succeeded)
        {
            return Refused(found) ?? NotFound();
        }
        Record = found.Value!;
        MayChange = IsCommissioner && (await access.DpsForAuthorityAsync(Actor, dpsId, Aborted))?.Lead == true;
        return null;
    }
}

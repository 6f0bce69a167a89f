namespace PlacementBroker.Web.Pages.Quality;

public sealed record KindBar(string Label, int Count, int Overdue, string Modifier, int WidthPercent);

/// <summary>The QA work queue: every visit and report due within four weeks or overdue, overdue first.</summary>
[Authorize(Policy = Policies.QaOfficer)]
public class IndexModel(QualityService quality) : PlacementBrokerPageModel
{
    public List<WorkQueueItem> Items { get; private set; } = [];
    public List<KindBar> Bars { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var items = await quality.WorkQueueAsync(Actor, Aborted);
        Items = [.. items.OrderByDescending(i => i.Overdue).ThenBy(i => i.DueBy).ThenBy(i => i.ProviderName)];
        var max = Math.Max(1, Enum.GetValues<WorkKind>().Max(k => items.Count(i => i.Kind == k)));
        int Width(int count) => count == 0 ? 0 : Math.Max(5, (int)Math.Round(count * 20.0 / max) * 5);
        Bars = [.. Enum.GetValues<WorkKind>().Select(k =>
        {
            var count = items.Count(i => i.Kind == k);
            var overdue = items.Count(i => i.Kind == k && i.Overdue);
            return new KindBar(Words.Name(k), count, overdue, overdue > 0 ? "overdue" : "later", Width(count));
        })];
    }
}

namespace PlacementBroker.Web.Pages.Commissioning.Applications;

public sealed record QueueBar(string Label, int Count, string Modifier, int WidthPercent);

/// <summary>The admission queue of the DPSs the authority leads: overdue first, then by due date.</summary>
public class IndexModel(AdmissionService admissions) : CommissioningPageModel
{
    /// <summary>"Due soon" on the chart: due within this many working days.</summary>
    public const int SoonWorkingDays = 2;

    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    public IReadOnlyList<ApplicationQueueItem> Items { get; private set; } = [];
    public PageInfo Paging { get; private set; } = new(1, Api.Paging.WebPageSize, 0);
    public List<QueueBar> Bars { get; private set; } = [];
    public int Waiting { get; private set; }

    public List<SelectListItem> ShowOptions { get; } =
    [
        new("Waiting for a decision", "waiting"),
        new("Decided", "decided"),
        new("All applications", "all"),
    ];

    public string Filter => Show is "decided" or "all" ? Show : "waiting";

    public static string TimeLeft(ApplicationQueueItem a) => a.WorkingDaysLeft switch
    {
        null => "",
        0 => "Due today",
        1 => "1 working day left",
        var n => $"{n} working days left",
    };

    public static string TimeLeftTag(ApplicationQueueItem a) => a.WorkingDaysLeft <= SoonWorkingDays ? "govuk-tag--yellow" : "govuk-tag--grey";

    public async Task OnGetAsync()
    {
        var ct = Aborted;
        var waiting = await admissions.QueueAsync(Actor, ApplicationStatus.Submitted, ct);
        List<ApplicationQueueItem> shown = Filter switch
        {
            "decided" => [.. (await admissions.QueueAsync(Actor, null, ct)).Where(a => a.Status != ApplicationStatus.Submitted)
                .OrderByDescending(a => a.SubmittedAt).ThenBy(a => a.Id)],
            "all" => await admissions.QueueAsync(Actor, null, ct),
            _ => waiting,
        };
        var page = shown.ToPaged(Request.WebPage());
        (Items, Paging) = (page.Items, page.Info);
        Waiting = waiting.Count;
        var overdue = waiting.Count(a => a.Overdue);
        var soon = waiting.Count(a => !a.Overdue && a.WorkingDaysLeft <= SoonWorkingDays);
        var later = waiting.Count - overdue - soon;
        var max = Math.Max(1, Math.Max(overdue, Math.Max(soon, later)));
        // Bar widths come from fixed CSS classes in steps of 5% (the CSP allows no inline styles).
        int Width(int count) => count == 0 ? 0 : Math.Max(5, (int)Math.Round(count * 20.0 / max) * 5);
        Bars =
        [
            new("Overdue", overdue, "overdue", Width(overdue)),
            new($"Due within {SoonWorkingDays} working days", soon, "soon", Width(soon)),
            new("Due later", later, "later", Width(later)),
        ];
    }
}

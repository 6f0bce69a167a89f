namespace PlacementBroker.Web.Pages.Quality.Visits;

/// <summary>Record when a visit's report was completed and reviewed.</summary>
[Authorize(Policy = Policies.QaOfficer)]
public class ReportModel(QualityService quality, PlacementBrokerDbContext db) : QaPageModel
{
    public QaVisit Visit { get; private set; } = null!;
    public string ProviderName { get; private set; } = "";
    public string SettingName { get; private set; } = "";

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public sealed record ReportInput(DateInputValue? ReportCompletedOn = null, DateInputValue? ReportReviewedOn = null);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Input = new(DateInputValue.From(Visit.ReportCompletedOn), DateInputValue.From(Visit.ReportReviewedOn));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id) => !await LoadAsync(id) ? NotFound() : await ReadThenSendAsync(
        ReadDates,
        dates => quality.RecordReportAsync(Actor, id, dates.Completed, dates.Reviewed, Aborted),
        (_, _) => Done("The report dates have been recorded", "/Quality/Profile", new { providerId = Visit.ProviderId }));

    /// <summary>The two dates; at least one is needed.</summary>
    private (DateOnly? Completed, DateOnly? Reviewed) ReadDates(IDictionary<string, string> unreadable)
    {
        var completed = FormValues.Date(Input.ReportCompletedOn, "The date the report was completed", unreadable, "Input.ReportCompletedOn");
        var reviewed = FormValues.Date(Input.ReportReviewedOn, "The date the report was reviewed", unreadable, "Input.ReportReviewedOn");
        if (unreadable.Count == 0 && completed is null && reviewed is null)
        {
            unreadable["Input.ReportCompletedOn"] = "Enter the date the report was completed";
        }
        return (completed, reviewed);
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var authority = User.GetLocalAuthorityId();
        var visit = await db.QaVisits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id && v.LocalAuthorityId == authority, Aborted);
        if (visit is null)
        {
            return false;
        }
        Visit = visit;
        ProviderName = await db.Providers.Where(p => p.Id == visit.ProviderId).Select(p => p.Name).SingleAsync(Aborted);
        SettingName = await db.Settings.Where(s => s.Id == visit.SettingId).Select(s => s.Name).SingleAsync(Aborted);
        return true;
    }
}

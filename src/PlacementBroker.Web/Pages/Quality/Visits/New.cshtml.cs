namespace PlacementBroker.Web.Pages.Quality.Visits;

/// <summary>Record a QA visit on the standard form.</summary>
[Authorize(Policy = Policies.QaOfficer)]
public class NewModel(QualityService quality) : QaProviderFormPageModel(quality, "Select a setting")
{
    public static new readonly string[] FieldOrder =
    [
        "Input.SettingId", "Input.VisitDate", "Input.Type", "Input.Visitor", "Input.Findings", "Input.Outcome",
        "Input.ReportCompletedOn", "Input.ReportReviewedOn", "Input.Regulation44Reports",
    ];

    [BindProperty]
    public VisitInput Input { get; set; } = new();

    public sealed record VisitInput(
        string? SettingId = null, DateInputValue? VisitDate = null, string? Type = null, string? Visitor = null, string? Findings = null,
        string? Outcome = null, DateInputValue? ReportCompletedOn = null, DateInputValue? ReportReviewedOn = null, string? Regulation44Reports = null);

    public async Task<IActionResult> OnGetAsync(Guid providerId, Guid? settingId)
    {
        if (!await LoadAsync(providerId))
        {
            return NotFound();
        }
        Input = new(SettingId: settingId?.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid providerId)
    {
        if (!await LoadAsync(providerId))
        {
            return NotFound();
        }
        ModelState.Clear();
        var unreadable = new Dictionary<string, string>();
        var visitDate = FormValues.Date(Input.VisitDate, "The visit date", unreadable, "Input.VisitDate");
        var completed = FormValues.Date(Input.ReportCompletedOn, "The date the report was completed", unreadable, "Input.ReportCompletedOn");
        var reviewed = FormValues.Date(Input.ReportReviewedOn, "The date the report was reviewed", unreadable, "Input.ReportReviewedOn");
        Guid? settingId = FormValues.Id(Input.SettingId) is { } s && Profile.Settings.Any(x => x.Id == s) ? s : null;
        // A date the form cannot read must stop the visit being recorded, while the service still checks every other
        // field: sending no visit date makes it refuse, and its "enter the date" gives way to the form's own message.
        var outcome = await Quality.RecordVisitAsync(Actor, new RecordVisitRequest(settingId, unreadable.Count > 0 ? null : visitDate,
            FormValues.Choice<VisitType>(Input.Type), FormValues.Choice<VisitOutcome>(Input.Outcome), completed, reviewed, Input.Visitor,
            Input.Findings, Input.Regulation44Reports), Aborted);
        return Settle(outcome, visit => Done($"Visit on {Words.Date(visit.VisitDate)} recorded", "/Quality/Profile", new { providerId }),
            unreadable: unreadable);
    }
}

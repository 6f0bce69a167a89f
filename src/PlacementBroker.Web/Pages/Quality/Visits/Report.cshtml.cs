using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Quality;
using PlacementBroker.Web.Auth;
using PlacementBroker.Web.TagHelpers;

namespace PlacementBroker.Web.Pages.Quality.Visits;

/// <summary>Record when a visit's report was completed and reviewed.</summary>
[Authorize(Policy = Policies.QaOfficer)]
public class ReportModel(QualityService quality, PlacementBrokerDbContext db) : QaPageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["reportCompletedOn"] = "Input.ReportCompletedOn",
        ["reportReviewedOn"] = "Input.ReportReviewedOn",
    };

    public QaVisit Visit { get; private set; } = null!;
    public string ProviderName { get; private set; } = "";
    public string SettingName { get; private set; } = "";

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public sealed class ReportInput
    {
        public DateInputValue ReportCompletedOn { get; set; } = new();
        public DateInputValue ReportReviewedOn { get; set; } = new();
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Input = new() { ReportCompletedOn = DateInputValue.From(Visit.ReportCompletedOn), ReportReviewedOn = DateInputValue.From(Visit.ReportReviewedOn) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        ModelState.Clear();
        var completed = Input.ReportCompletedOn.Read("The date the report was completed", out var completedError);
        var reviewed = Input.ReportReviewedOn.Read("The date the report was reviewed", out var reviewedError);
        if (completedError is not null)
        {
            ModelState.AddModelError("Input.ReportCompletedOn", completedError);
        }
        if (reviewedError is not null)
        {
            ModelState.AddModelError("Input.ReportReviewedOn", reviewedError);
        }
        if (ModelState.IsValid && completed is null && reviewed is null)
        {
            ModelState.AddModelError("Input.ReportCompletedOn", "Enter the date the report was completed");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await quality.RecordReportAsync(Actor, id, completed, reviewed, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            Success("The report dates have been recorded");
            return Redirect($"/qa/providers/{Visit.ProviderId}");
        }
        return Refused(outcome, Fields) ?? Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var authority = User.GetLocalAuthorityId();
        var visit = await db.QaVisits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id && v.LocalAuthorityId == authority, HttpContext.RequestAborted);
        if (visit is null)
        {
            return false;
        }
        Visit = visit;
        ProviderName = await db.Providers.Where(p => p.Id == visit.ProviderId).Select(p => p.Name).SingleAsync(HttpContext.RequestAborted);
        SettingName = await db.Settings.Where(s => s.Id == visit.SettingId).Select(s => s.Name).SingleAsync(HttpContext.RequestAborted);
        return true;
    }
}

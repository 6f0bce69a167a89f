using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using PlacementBroker.Core;
using PlacementBroker.Core.Quality;
using PlacementBroker.Core.Vocabulary;
using PlacementBroker.Web.Auth;
using PlacementBroker.Web.TagHelpers;

namespace PlacementBroker.Web.Pages.Quality.Visits;

/// <summary>Record a QA visit on the standard form.</summary>
[Authorize(Policy = Policies.QaOfficer)]
public class NewModel(QualityService quality) : QaPageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["settingId"] = "Input.SettingId",
        ["visitDate"] = "Input.VisitDate",
        ["type"] = "Input.Type",
        ["visitor"] = "Input.Visitor",
        ["findings"] = "Input.Findings",
        ["outcome"] = "Input.Outcome",
        ["reportCompletedOn"] = "Input.ReportCompletedOn",
        ["reportReviewedOn"] = "Input.ReportReviewedOn",
        ["regulation44Reports"] = "Input.Regulation44Reports",
    };

    public static readonly string[] FieldOrder = [.. Fields.Values];

    public QaProfile Profile { get; private set; } = null!;
    public List<SelectListItem> Settings { get; private set; } = [];

    [BindProperty]
    public VisitInput Input { get; set; } = new();

    public sealed class VisitInput
    {
        public string? SettingId { get; set; }
        public DateInputValue VisitDate { get; set; } = new();
        public string? Type { get; set; }
        public string? Visitor { get; set; }
        public string? Findings { get; set; }
        public string? Outcome { get; set; }
        public DateInputValue ReportCompletedOn { get; set; } = new();
        public DateInputValue ReportReviewedOn { get; set; } = new();
        public string? Regulation44Reports { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid providerId, Guid? settingId)
    {
        if (!await LoadAsync(providerId))
        {
            return NotFound();
        }
        Input.SettingId = settingId?.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid providerId)
    {
        if (!await LoadAsync(providerId))
        {
            return NotFound();
        }
        ModelState.Clear();
        var visitDate = ReadDate(Input.VisitDate, "Input.VisitDate", "The visit date");
        var completed = ReadDate(Input.ReportCompletedOn, "Input.ReportCompletedOn", "The date the report was completed");
        var reviewed = ReadDate(Input.ReportReviewedOn, "Input.ReportReviewedOn", "The date the report was reviewed");
        Guid? settingId = Guid.TryParse(Input.SettingId, out var s) && Profile.Settings.Any(x => x.Id == s) ? s : null;
        // A date the form cannot read must stop the visit being recorded, while the service still checks every other
        // field: sending no visit date makes it refuse, and its "enter the date" gives way to the form's own message.
        var unreadable = !ModelState.IsValid;
        var outcome = await quality.RecordVisitAsync(Actor, new RecordVisitRequest(settingId, unreadable ? null : visitDate, Parse<VisitType>(Input.Type),
            Parse<VisitOutcome>(Input.Outcome), completed, reviewed, Input.Visitor, Input.Findings, Input.Regulation44Reports), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            Success($"Visit on {Words.Date(outcome.Value!.VisitDate)} recorded");
            return Redirect($"/qa/providers/{providerId}");
        }
        if (outcome.Kind is OutcomeKind.NotFound or OutcomeKind.Forbidden)
        {
            return Refused(outcome, Fields)!;
        }
        var errors = outcome.Errors.Where(e => !ModelState.ContainsKey(Fields.GetValueOrDefault(e.Key, "")))
            .ToDictionary(e => e.Key, e => e.Value);
        ModelState.AddFieldErrors(errors, Fields);
        if (errors.Count == 0 && ModelState.IsValid)
        {
            ModelState.AddModelError("", outcome.Message ?? "The visit could not be recorded");
        }
        return Page();
    }

    private DateOnly? ReadDate(DateInputValue value, string key, string what)
    {
        var date = value.Read(what, out var error);
        if (error is not null)
        {
            ModelState.AddModelError(key, error);
        }
        return date;
    }

    private async Task<bool> LoadAsync(Guid providerId)
    {
        if (await quality.ProfileAsync(providerId, HttpContext.RequestAborted) is not { } profile)
        {
            return false;
        }
        Profile = profile;
        Settings = [new("Select a setting", ""), .. profile.Settings.Where(s => !s.Closed).Select(s => new SelectListItem(s.Name, s.Id.ToString()))];
        return true;
    }
}

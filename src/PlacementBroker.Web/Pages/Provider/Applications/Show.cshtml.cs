namespace PlacementBroker.Web.Pages.Provider.Applications;

/// <summary>A draft as a GOV.UK task list; a submitted or decided application as its status, answers and reasons.</summary>
public class ShowModel(AdmissionService admissions, DpsService dps) : ApplicationPageModel(admissions, dps)
{
    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>A rejected or withdrawn applicant starts again from the application page.</summary>
    public async Task<IActionResult> OnPostApplyAgainAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var outcome = await Admissions.StartOrResumeAsync(Actor, Application.LotId, Aborted);
        if (outcome.Succeeded)
        {
            return RedirectToPage("/Provider/Applications/Show", new { id = outcome.Value!.Id });
        }
        Problem(outcome.Message);
        return Page();
    }
}

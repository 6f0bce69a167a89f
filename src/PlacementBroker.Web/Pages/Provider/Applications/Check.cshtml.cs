namespace PlacementBroker.Web.Pages.Provider.Applications;

/// <summary>Check your answers, then submit: the legal clock for the decision starts here.</summary>
public class CheckModel(AdmissionService admissions, DpsService dps) : ApplicationPageModel(admissions, dps)
{
    public Task<IActionResult> OnGetAsync(Guid id) => ShowWhileAsync(id, ApplicationStatus.Draft);

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var outcome = await Admissions.SubmitAsync(Actor, id, Aborted);
        if (outcome.Succeeded)
        {
            return RedirectToPage("/Provider/Applications/Submitted", new { id });
        }
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Application.Status != ApplicationStatus.Draft)
        {
            return RedirectToPage("/Provider/Applications/Show", new { id });
        }
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            // Unanswered questions ("answers.{key}"): the summary links to each one's row below.
            foreach (var (key, messages) in outcome.Errors)
            {
                ModelState.AddModelError(key, messages[0]);
            }
        }
        else
        {
            Problem(outcome.Message);
        }
        return Page();
    }
}

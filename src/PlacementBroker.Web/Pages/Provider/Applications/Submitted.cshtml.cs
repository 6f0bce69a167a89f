namespace PlacementBroker.Web.Pages.Provider.Applications;

public class SubmittedModel(AdmissionService admissions, DpsService dps) : ApplicationPageModel(admissions, dps)
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        return Application.Status == ApplicationStatus.Submitted ? Page() : Redirect($"/provider/applications/{id}");
    }
}

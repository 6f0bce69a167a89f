namespace PlacementBroker.Web.Pages.Provider.Applications;

public class SubmittedModel(AdmissionService admissions, DpsService dps) : ApplicationPageModel(admissions, dps)
{
    public Task<IActionResult> OnGetAsync(Guid id) => ShowWhileAsync(id, ApplicationStatus.Submitted);
}

namespace PlacementBroker.Web.Pages.Commissioning.Applications;

/// <summary>A commissioner's page on one application: it is loaded for the page, and a post goes back to it with the banner.</summary>
public abstract class ApplicationDecisionPageModel(AdmissionService admissions) : CommissioningPageModel
{
    public ApplicationView Application { get; private set; } = null!;

    protected AdmissionService Admissions => admissions;

    protected async Task<bool> LoadAsync(Guid id)
    {
        if (await admissions.FindAsync(Actor, id, Aborted) is not { } found)
        {
            return false;
        }
        Application = found;
        return true;
    }

    /// <summary>After a post: back to the application with the success banner, or this page again with the refusal.</summary>
    protected async Task<IActionResult> AfterPostAsync<T>(Guid id, Outcome<T> outcome, Func<T, Task<string>> success)
    {
        if (outcome.Succeeded)
        {
            return Done(await success(outcome.Value!), "/Commissioning/Applications/Show", new { id });
        }
        return Refused(outcome) ?? await PageIfFoundAsync(LoadAsync(id));
    }
}

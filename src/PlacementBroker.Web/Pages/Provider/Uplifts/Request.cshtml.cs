using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Web.Pages.Provider.Uplifts;

/// <summary>The provider's request as a task list while it is a draft; once submitted, what was sent and the decision.</summary>
public class RequestModel(UpliftService uplifts) : UpliftPageModel(uplifts)
{
    public async Task<IActionResult> OnGetAsync(Guid roundId) => await LoadAsync(roundId) ?? Page();
}

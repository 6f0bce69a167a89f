using Microsoft.AspNetCore.Mvc;
using PlacementBroker.Core.Providers;

namespace PlacementBroker.Web.Pages.Provider.Organisation;

public class IndexModel(ProviderTeamService team) : ProviderPageModel
{
    public ProviderProfile Organisation { get; private set; } = null!;
    public List<TeamMember> Team { get; private set; } = [];
    public bool IsOrganisationAdmin { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await team.ProfileAsync(ProviderId, Aborted) is not { } organisation)
        {
            return NotFound();
        }
        Organisation = organisation;
        Team = await team.TeamAsync(ProviderId, Aborted);
        IsOrganisationAdmin = Team.Any(m => m.Id == Actor.UserId && m.IsOrganisationAdmin);
        return Page();
    }
}

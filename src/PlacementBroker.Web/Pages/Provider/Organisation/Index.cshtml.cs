namespace PlacementBroker.Web.Pages.Provider.Organisation;

public class IndexModel(ProviderTeamService team, ProviderVerification verification) : ProviderPageModel
{
    public ProviderProfile Organisation { get; private set; } = null!;
    public List<TeamMember> Team { get; private set; } = [];
    public bool IsOrganisationAdmin { get; private set; }
    public VerificationStatus? Verification { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await team.ProfileAsync(ProviderId, Aborted) is not { } organisation)
        {
            return NotFound();
        }
        Organisation = organisation;
        Team = await team.TeamAsync(ProviderId, Aborted);
        IsOrganisationAdmin = Team.Any(m => m.Id == Actor.UserId && m.IsOrganisationAdmin);
        Verification = await verification.StatusAsync(Actor, Aborted);
        return Page();
    }

    /// <summary>New confirmation links for the signed-in user's address and the contact address, whichever are unconfirmed.</summary>
    public async Task<IActionResult> OnPostResendAsync()
    {
        return await SettleAsync(await verification.ResendAsync(Actor, VerificationEndpoints.ConfirmEmailUrl(HttpContext), Aborted),
            sentTo => Done($"We have sent a new link to {string.Join(" and ", sentTo)}.", "/Provider/Organisation/Index"), OnGetAsync);
    }
}

using Microsoft.AspNetCore.RateLimiting;

namespace PlacementBroker.Web.Pages.Provider.Organisation;

/// <summary>The organisation's administrator adds a colleague, who chooses a password from the emailed link.</summary>
[EnableRateLimiting(Hosting.AbuseLimits.Invitations)]
public class InviteModel(ProviderTeamService team) : ProviderPageModel
{
    public override IEnumerable<string> FieldOrder => ["Input.DisplayName", "Input.Email"];

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public sealed record InviteInput(string? DisplayName = null, string? Email = null);

    public async Task<IActionResult> OnGetAsync() => await IsAdminAsync() ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var outcome = await team.InviteAsync(Actor, new InviteColleagueRequest(Input.Email, Input.DisplayName),
            VacancyEndpoints.SetPasswordUrl(HttpContext), Aborted);
        // The one exception: an email address already in use is a conflict, shown at the email field.
        return Settle(outcome, invited => Done($"We have emailed {invited.DisplayName} a link to choose a password. It works for 24 hours",
            "/Provider/Organisation/Index"), messageAt: (OutcomeKind.Conflict, "Input.Email"));
    }

    private async Task<bool> IsAdminAsync() =>
        (await team.TeamAsync(ProviderId, Aborted)).Any(m => m.Id == Actor.UserId && m.IsOrganisationAdmin);
}

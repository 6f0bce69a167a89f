using Microsoft.AspNetCore.RateLimiting;

namespace PlacementBroker.Web.Pages.Provider.Organisation;

/// <summary>The organisation's administrator adds a colleague, who chooses a password from the emailed link.</summary>
[EnableRateLimiting(Hosting.AbuseLimits.Invitations)]
public class InviteModel(ProviderTeamService team) : ProviderPageModel
{
    public override IEnumerable<string> FieldOrder => ["Input.DisplayName", "Input.Email"];

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public sealed class InviteInput
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await IsAdminAsync() ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var outcome = await team.InviteAsync(Actor, new InviteColleagueRequest(Input.Email, Input.DisplayName),
            VacancyEndpoints.SetPasswordUrl(HttpContext), Aborted);
        switch (outcome.Kind)
        {
            case OutcomeKind.Success:
                Success($"We have emailed {outcome.Value!.DisplayName} a link to choose a password. It works for 24 hours");
                return RedirectToPage("/Provider/Organisation/Index");
            case OutcomeKind.Forbidden:
                return Forbid();
            case OutcomeKind.Conflict:
                ModelState.AddModelError("Input.Email", outcome.Message!);
                return Page();
            default:
                ShowErrors(outcome.Errors);
                if (outcome.Errors.Count == 0)
                {
                    Problem(outcome.Message);
                }
                return Page();
        }
    }

    private async Task<bool> IsAdminAsync() =>
        (await team.TeamAsync(ProviderId, Aborted)).Any(m => m.Id == Actor.UserId && m.IsOrganisationAdmin);
}

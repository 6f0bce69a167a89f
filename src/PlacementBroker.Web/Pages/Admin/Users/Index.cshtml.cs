using AutoMapper;
using AutoMapper.QueryableExtensions;
using PlacementBroker.Web.Hubs;

namespace PlacementBroker.Web.Pages.Admin.Users;

public class IndexModel(PlacementBrokerDbContext db, IMapper mapper, IdentityAdministration admin, AccountConnections connections) : PlacementBrokerPageModel
{
    /// <summary>Disables the account; its sessions, tokens and live connections end at once.</summary>
    public async Task<IActionResult> OnPostDisableAsync(Guid id)
    {
        var outcome = await admin.DisableAsync(Actor, id, Aborted);
        if (outcome.Succeeded)
        {
            connections.CloseAll(id);
        }
        return Done(outcome, $"{outcome.Value?.DisplayName} is disabled: they are signed out and cannot sign in");
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id) =>
        Done(await admin.EnableAsync(Actor, id, Aborted), "{0} can sign in again");

    private IActionResult Done(Outcome<User> outcome, string success)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            Success(string.Format(System.Globalization.CultureInfo.InvariantCulture, success, outcome.Value!.DisplayName));
        }
        else
        {
            TempData["Error"] = outcome.Message;
        }
        return RedirectToPage("/Admin/Users/Index");
    }

    public IReadOnlyList<UserSummary> Users { get; private set; } = [];
    public PageInfo Paging { get; private set; } = new(1, Api.Paging.WebPageSize, 0);

    public async Task OnGetAsync()
    {
        var page = await db.Users.AsNoTracking()
            .OrderBy(u => u.LocalAuthorityId == null).ThenBy(u => u.LocalAuthority!.Name).ThenBy(u => u.Provider!.Name).ThenBy(u => u.DisplayName).ThenBy(u => u.Id)
            .ToPagedAsync(Request.WebPage(), q => q.ProjectTo<UserSummary>(mapper.ConfigurationProvider), Aborted);
        (Users, Paging) = (page.Items, page.Info);
    }
}

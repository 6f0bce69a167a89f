using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Identity;
using PlacementBroker.Web.Api;
using PlacementBroker.Web.Auth;
using PlacementBroker.Web.Hubs;

namespace PlacementBroker.Web.Pages.Admin.Users;

public class IndexModel(PlacementBrokerDbContext db, IMapper mapper, IdentityAdministration admin, AccountConnections connections) : PageModel
{
    /// <summary>Disables the account; its sessions, tokens and live connections end at once.</summary>
    public async Task<IActionResult> OnPostDisableAsync(Guid id)
    {
        var outcome = await admin.DisableAsync(HttpContext.ToActor(), id, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            connections.CloseAll(id);
        }
        return Done(outcome, $"{outcome.Value?.DisplayName} is disabled: they are signed out and cannot sign in");
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id) =>
        Done(await admin.EnableAsync(HttpContext.ToActor(), id, HttpContext.RequestAborted), "{0} can sign in again");

    private IActionResult Done(Outcome<User> outcome, string success)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }
        if (outcome.Succeeded)
        {
            TempData["Success"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, success, outcome.Value!.DisplayName);
        }
        else
        {
            TempData["Error"] = outcome.Message;
        }
        return Redirect("/admin/users");
    }

    public IReadOnlyList<UserSummary> Users { get; private set; } = [];
    public PageInfo Paging { get; private set; } = new(1, Api.Paging.WebPageSize, 0);

    public async Task OnGetAsync()
    {
        var page = await db.Users.AsNoTracking()
            .OrderBy(u => u.LocalAuthorityId == null).ThenBy(u => u.LocalAuthority!.Name).ThenBy(u => u.Provider!.Name).ThenBy(u => u.DisplayName).ThenBy(u => u.Id)
            .ToPagedAsync(Request.WebPage(), q => q.ProjectTo<UserSummary>(mapper.ConfigurationProvider), HttpContext.RequestAborted);
        (Users, Paging) = (page.Items, page.Info);
    }
}

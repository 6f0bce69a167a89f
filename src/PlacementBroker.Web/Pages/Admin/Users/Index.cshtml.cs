using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Identity;
using PlacementBroker.Web.Api;

namespace PlacementBroker.Web.Pages.Admin.Users;

public class IndexModel(PlacementBrokerDbContext db, IMapper mapper) : PageModel
{
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

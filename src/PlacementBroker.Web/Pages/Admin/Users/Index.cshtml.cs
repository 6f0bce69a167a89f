using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Identity;

namespace PlacementBroker.Web.Pages.Admin.Users;

public class IndexModel(PlacementBrokerDbContext db, IMapper mapper) : PageModel
{
    public List<UserSummary> Users { get; private set; } = [];

    public async Task OnGetAsync() =>
        Users = await db.Users.AsNoTracking()
            .OrderBy(u => u.LocalAuthority!.Name).ThenBy(u => u.Provider!.Name).ThenBy(u => u.DisplayName)
            .ProjectTo<UserSummary>(mapper.ConfigurationProvider)
            .ToListAsync();
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;

namespace PlacementBroker.Web.Pages.Admin.Users;

public sealed record UserRow(string DisplayName, string Email, Role Role, string? Organisation);

public class IndexModel(PlacementBrokerDbContext db) : PageModel
{
    public List<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync() =>
        Users = await db.Users.AsNoTracking()
            .OrderBy(u => u.LocalAuthority!.Name).ThenBy(u => u.Provider!.Name).ThenBy(u => u.DisplayName)
            .Select(u => new UserRow(u.DisplayName, u.Email!, u.Role,
                u.LocalAuthority != null ? u.LocalAuthority.Name : u.Provider != null ? u.Provider.Name : null))
            .ToListAsync();
}

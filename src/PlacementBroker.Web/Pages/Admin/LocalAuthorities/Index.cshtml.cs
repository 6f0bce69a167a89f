using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core.Data;

namespace PlacementBroker.Web.Pages.Admin.LocalAuthorities;

public sealed record AuthorityRow(Guid Id, string Name, string Code, int Users);

public class IndexModel(PlacementBrokerDbContext db) : PageModel
{
    public List<AuthorityRow> Authorities { get; private set; } = [];

    public async Task OnGetAsync() =>
        Authorities = await db.LocalAuthorities.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new AuthorityRow(a.Id, a.Name, a.Code, db.Users.Count(u => u.LocalAuthorityId == a.Id)))
            .ToListAsync();
}

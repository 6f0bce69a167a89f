namespace PlacementBroker.Web.Pages.Admin.LocalAuthorities;

public sealed record AuthorityRow(Guid Id, string Name, string Code, int Users);

public class IndexModel(PlacementBrokerDbContext db) : PlacementBrokerPageModel
{
    public IReadOnlyList<AuthorityRow> Authorities { get; private set; } = [];
    public PageInfo Paging { get; private set; } = new(1, Api.Paging.WebPageSize, 0);

    public async Task OnGetAsync()
    {
        var page = await db.LocalAuthorities.AsNoTracking().OrderBy(a => a.Name).ThenBy(a => a.Id)
            .ToPagedAsync(Request.WebPage(), q => q.Select(a => new AuthorityRow(a.Id, a.Name, a.Code, db.Users.Count(u => u.LocalAuthorityId == a.Id))), Aborted);
        (Authorities, Paging) = (page.Items, page.Info);
    }
}

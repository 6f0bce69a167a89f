namespace PlacementBroker.Web.Pages.Placements;

// As the API: a council's users (their own placements) and providers (theirs); platform admins and data protection leads have no placements.
[Authorize(Roles = nameof(Role.PlacingOfficer) + "," + nameof(Role.PlacementManager) + "," + nameof(Role.QaOfficer) + "," + nameof(Role.Commissioner) + "," + nameof(Role.ProviderUser))]
public class IndexModel(PlacementService placements) : PlacementBrokerPageModel
{
    public IReadOnlyList<PlacementView> Placements { get; private set; } = [];
    public PageInfo Paging { get; private set; } = new(1, Api.Paging.WebPageSize, 0);
    public string Show { get; private set; } = "active";

    /// <summary>The owning council's staff see which child each placement is for.</summary>
    public bool ShowsChildren => Placements.Any(p => p.Child is not null);

    public async Task OnGetAsync(string? show)
    {
        Show = show is "ended" or "all" ? show : "active";
        var status = Show switch { "ended" => PlacementStatus.Ended, "all" => (PlacementStatus?)null, _ => PlacementStatus.Active };
        var page = await placements.ListIdentifiedAsync(Actor, status, Request.WebPage(), Aborted);
        (Placements, Paging) = (page.Items, page.Info);
    }
}

using PlacementBroker.Web.Pages.Provider;

namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>The authority's referrals, newest first, with a status filter.</summary>
public class IndexModel(ReferralService referrals, DpsService dps) : ReferralsPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyList<ReferralSummary> Referrals { get; private set; } = [];
    public PageInfo Paging { get; private set; } = new(1, Api.Paging.WebPageSize, 0);
    public Dictionary<Guid, string> LotNames { get; private set; } = [];

    public List<SelectListItem> Statuses =>
    [
        new("All referrals", ""),
        .. Display.Options<ReferralStatus>(),
    ];

    public async Task OnGetAsync()
    {
        var status = FormValues.Choice<ReferralStatus>(Status);
        if (status is null)
        {
            Status = null;
        }
        var page = await referrals.ListAsync(Actor, status, Request.WebPage(), Aborted);
        (Referrals, Paging) = (page.Items, page.Info);
        if (User.GetLocalAuthorityId() is { } la)
        {
            LotNames = (await dps.ListForAuthorityAsync(la, Aborted)).SelectMany(d => d.Lots).ToDictionary(l => l.Id, l => l.Name);
        }
    }
}

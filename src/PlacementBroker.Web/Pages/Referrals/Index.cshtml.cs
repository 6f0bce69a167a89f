using PlacementBroker.Web.Pages.Provider;

namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>The authority's referrals, newest first, with a status filter.</summary>
public class IndexModel(ReferralService referrals, UnfinishedReferrals unfinished, DpsService dps) : ReferralsPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyList<ReferralSummary> Referrals { get; private set; } = [];
    public PageInfo Paging { get; private set; } = new(1, Api.Paging.WebPageSize, 0);
    public Dictionary<Guid, string> LotNames { get; private set; } = [];

    /// <summary>The officer's own referrals not yet finished (shown with all referrals and with drafts).</summary>
    public IReadOnlyList<UnfinishedReferralView> Unfinished { get; private set; } = [];

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
        if (IsOfficer && status is null or ReferralStatus.Draft)
        {
            Unfinished = await unfinished.ListAsync(Actor, Aborted);
        }
        var page = await referrals.ListAsync(Actor, status, Request.WebPage(), Aborted);
        (Referrals, Paging) = (page.Items, page.Info);
        if (User.GetLocalAuthorityId() is { } la)
        {
            LotNames = (await dps.ListForAuthorityAsync(la, Aborted)).SelectMany(d => d.Lots).ToDictionary(l => l.Id, l => l.Name);
        }
    }
}

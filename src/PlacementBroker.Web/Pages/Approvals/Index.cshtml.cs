namespace PlacementBroker.Web.Pages.Approvals;

[Authorize(Policy = ReferralEndpoints.ReferralReaders)]
public class IndexModel(PlacementService placements) : PlacementBrokerPageModel
{
    public IReadOnlyList<ApprovalView> Pending { get; private set; } = [];
    public PageInfo PendingPaging { get; private set; } = new(1, Paging.WebPageSize, 0);
    public IReadOnlyList<ApprovalView> Decided { get; private set; } = [];
    public PageInfo DecidedPaging { get; private set; } = new(1, Paging.WebPageSize, 0);

    /// <summary>Both lists are paged, each with its own page number: ?page= for those waiting, ?decided= for those decided.</summary>
    public async Task OnGetAsync()
    {
        var actor = Actor;
        var pending = await placements.ApprovalsAsync(actor, ApprovalStatus.Pending, Request.WebPage(), Aborted);
        var decided = await placements.DecidedApprovalsAsync(actor, Request.WebPage("decided"), Aborted);
        (Pending, PendingPaging, Decided, DecidedPaging) = (pending.Items, pending.Info, decided.Items, decided.Info);
    }
}

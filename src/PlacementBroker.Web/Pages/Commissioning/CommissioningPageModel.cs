namespace PlacementBroker.Web.Pages.Commissioning;

/// <summary>A commissioner's page: the commissioner's authority and the DPSs it can see.</summary>
public abstract class CommissioningPageModel : PlacementBrokerPageModel
{
    protected Guid AuthorityId => User.GetLocalAuthorityId() ?? Guid.Empty;

    /// <summary>A DPS the commissioner's authority leads or takes part in; null for any other (the not-found page).</summary>
    protected async Task<DpsView?> VisibleDpsAsync(DpsService dps, Guid id) =>
        await dps.VisibleToAsync(id, AuthorityId, Aborted) ? await dps.FindAsync(Actor, id, Aborted) : null;

    /// <summary>Only the lead authority's DPS: a participant gets the no-access page, anyone else the not-found page.</summary>
    protected async Task<(DpsView? Dps, IActionResult? Refusal)> LeadDpsAsync(DpsService dps, Guid id) =>
        await VisibleDpsAsync(dps, id) is not { } found ? (null, NotFound())
        : found.LeadLocalAuthorityId != AuthorityId ? (null, Forbid())
        : (found, null);
}

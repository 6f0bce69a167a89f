namespace PlacementBroker.Web.Pages.Provider.Dps;

/// <summary>Where the provider stands on one lot, and what it can do about it.</summary>
public sealed record LotStanding(LotView Lot, ApplicationStatus? ApplicationStatus, MembershipStatus? MembershipStatus,
    ApplicationQueueItem? Application, MembershipView? Membership)
{
    /// <summary>Not applied, rejected or withdrawn: the service decides the rest when the provider presses Apply.</summary>
    public bool CanApply =>
        (ApplicationStatus is null || ApplicationStatus is Core.Dps.ApplicationStatus.Rejected or Core.Dps.ApplicationStatus.Withdrawn)
        && (MembershipStatus is null || MembershipStatus == Core.Dps.MembershipStatus.Withdrawn);

    public bool InProgress => ApplicationStatus == Core.Dps.ApplicationStatus.Draft;
}

/// <summary>
/// The DPSs and their lots, with where the provider stands on each. Lots of a placement type the provider does not offer
/// (<see cref="ProviderPlacementTypes"/>) are not offered to it, unless it already stands on them. The lists are a
/// guide, not a rule: the service (and the API) still takes an application to any open lot.
/// </summary>
public class IndexModel(DpsService dps, AdmissionService admissions, MembershipService memberships, PlacementBrokerDbContext db) : ProviderPageModel
{
    public List<(DpsView Dps, List<LotStanding> Lots)> Systems { get; } = [];
    public ProviderType ProviderType { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostApplyAsync(Guid lotId)
    {
        var outcome = await admissions.StartOrResumeAsync(Actor, lotId, Aborted);
        if (outcome.Succeeded)
        {
            return RedirectToPage("/Provider/Applications/Show", new { id = outcome.Value!.Id });
        }
        Problem(outcome.Message);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        ProviderType = await db.Providers.Where(p => p.Id == ProviderId).Select(p => p.Type).SingleAsync(Aborted);
        var applications = await admissions.ForProviderAsync(Actor, Aborted);
        var members = await memberships.ForProviderAsync(ProviderId, Aborted);
        foreach (var system in await dps.ListAsync(Actor, includeOwnDrafts: false, Aborted))
        {
            var lots = system.Lots.Select(lot => Standing(lot,
                    applications.Where(a => a.LotId == lot.Id).ToList(),
                    members.SingleOrDefault(m => m.LotId == lot.Id)))
                .Where(s => ProviderType.Offers(s.Lot.PlacementType) || s.ApplicationStatus is not null || s.MembershipStatus is not null)
                .ToList();
            if (lots.Count > 0 || system.Lots.Count == 0)
            {
                Systems.Add((system, lots));
            }
        }
    }

    /// <summary>
    /// A live membership (admitted, suspended, removed) says most; then an application in progress or waiting for a
    /// decision; then whichever came last of a withdrawal and a rejected application.
    /// </summary>
    private static LotStanding Standing(LotView lot, List<ApplicationQueueItem> applications, MembershipView? membership)
    {
        if (membership is { Status: not MembershipStatus.Withdrawn })
        {
            return new(lot, null, membership.Status, null, membership);
        }
        var current = applications.FirstOrDefault(a => a.Status == ApplicationStatus.Draft)
            ?? applications.FirstOrDefault(a => a.Status == ApplicationStatus.Submitted);
        if (current is not null)
        {
            return new(lot, current.Status, null, current, membership);
        }
        var latest = applications.Where(a => a.Status is ApplicationStatus.Rejected or ApplicationStatus.Withdrawn)
            .OrderByDescending(a => a.SubmittedAt).FirstOrDefault();
        var withdrawnAt = membership?.History.LastOrDefault()?.At;
        if (latest is not null && (withdrawnAt is null || latest.SubmittedAt > withdrawnAt))
        {
            return new(lot, latest.Status, null, latest, null);
        }
        return new(lot, null, membership?.Status, null, membership);
    }
}

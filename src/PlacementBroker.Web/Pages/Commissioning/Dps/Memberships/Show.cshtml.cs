namespace PlacementBroker.Web.Pages.Commissioning.Dps.Memberships;

/// <summary>One provider's membership of a lot, with every change: who, when, from what to what, and why.</summary>
public class ShowModel(DpsService dps, MembershipService memberships) : CommissioningPageModel
{
    public DpsView Dps { get; private set; } = null!;
    public MembershipView Membership { get; private set; } = null!;
    public bool IsLead { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid membershipId)
    {
        var ct = Aborted;
        if (await dps.FindAsync(Actor, id, ct) is not { } found
            || await memberships.FindInDpsAsync(Actor, id, membershipId, ct) is not { } membership)
        {
            return NotFound();
        }
        Dps = found;
        Membership = membership;
        IsLead = found.LeadLocalAuthorityId == AuthorityId;
        return Page();
    }
}

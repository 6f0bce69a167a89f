namespace PlacementBroker.Web.Pages.Commissioning.Dps.Memberships;

/// <summary>Suspend, reinstate or remove (an excluded supplier) a membership, with the reason the provider is told.</summary>
public class ChangeModel(DpsService dps, MembershipService memberships) : CommissioningPageModel
{
    public DpsView Dps { get; private set; } = null!;
    public MembershipView Membership { get; private set; } = null!;
    public MembershipAction Action { get; private set; }

    [BindProperty]
    public ReasonInput Input { get; set; } = new();

    public string Heading => Action switch
    {
        MembershipAction.Suspend => "Suspend membership",
        MembershipAction.Reinstate => "Reinstate membership",
        _ => "Remove excluded supplier",
    };

    public string Explanation => Action switch
    {
        MembershipAction.Suspend => "While suspended, the provider receives no referrals in this lot and cannot publish vacancies in it.",
        MembershipAction.Reinstate => "The provider will receive this lot's referrals again and can publish vacancies in it.",
        _ => "Under the Procurement Act 2023 an excluded supplier must be removed from the dynamic market. It cannot apply to this lot again, and its open vacancies in the lot are withdrawn.",
    };

    public async Task<IActionResult> OnGetAsync(Guid id, Guid membershipId, string change) => await LoadAsync(id, membershipId, change) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid membershipId, string change)
    {
        if (await LoadAsync(id, membershipId, change) is { } refusal)
        {
            return refusal;
        }
        return Settle(await memberships.ChangeAsync(Actor, membershipId, Action, Input.Reason, Aborted), changed => Done(
            $"{changed.ProviderName}'s membership of {changed.LotName} is now {Words.Name(changed.Status).ToLowerInvariant()}. We have emailed the provider.",
            "/Commissioning/Dps/Memberships/Show", new { id, membershipId }));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid membershipId, string change)
    {
        var ct = Aborted;
        MembershipAction? parsed = change switch
        {
            "suspend" => MembershipAction.Suspend,
            "reinstate" => MembershipAction.Reinstate,
            "remove" => MembershipAction.RemoveExcludedSupplier,
            _ => null,
        };
        if (parsed is null
            || await dps.FindAsync(Actor, id, ct) is not { } found
            || await memberships.FindInDpsAsync(Actor, id, membershipId, ct) is not { } membership)
        {
            return NotFound();
        }
        if (found.LeadLocalAuthorityId != AuthorityId)
        {
            return Forbid();
        }
        Dps = found;
        Membership = membership;
        Action = parsed.Value;
        return null;
    }
}

namespace PlacementBroker.Web.Pages.Commissioning.Dps;

/// <summary>One DPS: its terms, lots and members; for the lead authority, the actions that run it.</summary>
public class ShowModel(DpsService dps, MembershipService memberships, PlacementBrokerDbContext db) : CommissioningPageModel
{
    public DpsView Dps { get; private set; } = null!;
    public List<string> Participants { get; private set; } = [];
    public List<MembershipView> Members { get; private set; } = [];
    public int MembersInAll { get; private set; }
    public bool IsLead { get; private set; }

    /// <summary>The members table's filters (a GET form): a regional DPS has hundreds of memberships.</summary>
    [BindProperty(SupportsGet = true)]
    public string? MemberLot { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? MemberStatus { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? MemberProvider { get; set; }

    public bool MembersFiltered => !string.IsNullOrWhiteSpace(MemberLot) || !string.IsNullOrWhiteSpace(MemberStatus) || !string.IsNullOrWhiteSpace(MemberProvider);

    public List<SelectListItem> LotOptions => [new("All lots", ""), .. Dps.Lots.Select(l => new SelectListItem(l.Name, l.Id.ToString()))];

    public List<SelectListItem> StatusOptions { get; } =
        [new("Any status", ""), .. Display.Options<MembershipStatus>()];

    public static IEnumerable<(MembershipAction Action, string Route, string Text)> Actions(MembershipView m) =>
        new[]
        {
            (MembershipAction.Suspend, "suspend", "Suspend"),
            (MembershipAction.Reinstate, "reinstate", "Reinstate"),
            (MembershipAction.RemoveExcludedSupplier, "remove", "Remove excluded supplier"),
        }.Where(a => MembershipRules.Apply(m.Status, a.Item1, m.Regime) is not null);

    public static string Band(LotView lot) => (lot.PriceBandLower, lot.PriceBandUpper) switch
    {
        (null, null) => "—",
        ({ } lower, null) => $"from {Words.Money(lower)}",
        (null, { } upper) => $"up to {Words.Money(upper)}",
        ({ } lower, { } upper) => $"{Words.Money(lower)} to {Words.Money(upper)}",
    };

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(Guid id)
    {
        return await SettleAsync(await dps.PublishAsync(Actor, id, Aborted),
            published => Done($"{published.Name} is open for applications. Providers can now apply to its lots.", "/Commissioning/Dps/Show", new { id }),
            () => PageIfFoundAsync(LoadAsync(id)));
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var ct = Aborted;
        if (!await dps.VisibleToAsync(id, AuthorityId, ct) || await dps.FindAsync(Actor, id, ct) is not { } found)
        {
            return false;
        }
        Dps = found;
        IsLead = found.LeadLocalAuthorityId == AuthorityId;
        var ids = found.ParticipatingLocalAuthorityIds.ToList();
        Participants = await db.LocalAuthorities.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync(ct);
        var all = await memberships.ForDpsAsync(Actor, id, ct) ?? [];
        MembersInAll = all.Count;
        var lot = FormValues.Id(MemberLot);
        var status = FormValues.Choice<MembershipStatus>(MemberStatus);
        var provider = MemberProvider?.Trim();
        Members = [.. all.Where(m => (lot is null || m.LotId == lot)
            && (status is null || m.Status == status)
            && (string.IsNullOrEmpty(provider) || m.ProviderName.Contains(provider, StringComparison.OrdinalIgnoreCase)))];
        return true;
    }
}

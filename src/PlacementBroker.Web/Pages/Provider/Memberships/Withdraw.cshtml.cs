namespace PlacementBroker.Web.Pages.Provider.Memberships;

/// <summary>The provider leaves a lot, saying why. Its open vacancies in the lot close with it.</summary>
public class WithdrawModel(MembershipService memberships) : ProviderPageModel
{
    [BindProperty]
    public ReasonInput Input { get; set; } = new();

    public MembershipView Membership { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        ModelState.Clear();
        return Settle(await memberships.ChangeAsync(Actor, id, MembershipAction.Withdraw, Input.Reason, Aborted),
            _ => Done($"Your organisation has withdrawn from {Membership.LotName}", "/Provider/Memberships/Index"));
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        Membership = (await memberships.FindForProviderAsync(ProviderId, id, Aborted))!;
        return Membership is not null;
    }
}

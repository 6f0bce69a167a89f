namespace PlacementBroker.Web.Pages.Provider.Memberships;

/// <summary>The provider leaves a lot, saying why. Its open vacancies in the lot close with it.</summary>
public class WithdrawModel(MembershipService memberships) : ProviderPageModel
{
    [BindProperty]
    public WithdrawInput Input { get; set; } = new();

    public MembershipView Membership { get; private set; } = null!;

    public sealed class WithdrawInput
    {
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        ModelState.Clear();
        var outcome = await memberships.ChangeAsync(Actor, id, MembershipAction.Withdraw, Input.Reason, Aborted);
        if (outcome.Succeeded)
        {
            Success($"Your organisation has withdrawn from {Membership.LotName}");
            return RedirectToPage("/Provider/Memberships/Index");
        }
        return Refused(outcome) ?? Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        Membership = (await memberships.FindForProviderAsync(ProviderId, id, Aborted))!;
        return Membership is not null;
    }
}

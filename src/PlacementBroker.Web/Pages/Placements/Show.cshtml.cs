namespace PlacementBroker.Web.Pages.Placements;

/// <summary>One placement. Shows the child's identity to the placing authority and the placed provider: the read is audited.</summary>
// As the API: a council's users (their own placements) and providers (theirs); platform admins and data protection leads have no placements.
[Authorize(Roles = nameof(Role.PlacingOfficer) + "," + nameof(Role.PlacementManager) + "," + nameof(Role.QaOfficer) + "," + nameof(Role.Commissioner) + "," + nameof(Role.ProviderUser))]
public class ShowModel(PlacementService placements, Core.Billing.PriceChangeService prices, Core.Billing.BillingService billing, TimeProvider clock) : PlacementBrokerPageModel
{
    public PlacementView Placement { get; private set; } = null!;
    public bool CanEnd { get; private set; }
    public bool CanChangePrice { get; private set; }
    public DateOnly Today => UkTime.Today(clock);
    /// <summary>Made, but the child has not moved in yet: the page says when the placement starts, not that it is active.</summary>
    public bool NotStarted => Placement.Status == PlacementStatus.Active && Placement.StartDate > Today;
    public List<Core.Billing.PriceFromView> Prices { get; private set; } = [];
    public List<Core.Billing.PlacementCharge> Charges { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await placements.FindAsync(Actor, id, ct: Aborted) is not { } placement)
        {
            return NotFound();
        }
        Placement = placement;
        CanEnd = placement.Status == PlacementStatus.Active && User.GetRole() == Role.PlacingOfficer;
        CanChangePrice = placement.Status == PlacementStatus.Active && placement.Kind == PlacementKind.Spot && User.GetRole() == Role.PlacementManager;
        Prices = await prices.HistoryAsync(id, Aborted);
        Charges = await billing.ChargesForPlacementAsync(id, Aborted);
        return Page();
    }
}

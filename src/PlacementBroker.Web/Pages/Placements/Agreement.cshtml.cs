namespace PlacementBroker.Web.Pages.Placements;

/// <summary>The printable Individual Placement Agreement, built from the accepted offer, for the two parties to it.</summary>
// The agreement names the child: only the roles that see the child open it (commissioners and QA officers see placements without).
[Authorize(Roles = nameof(Role.PlacingOfficer) + "," + nameof(Role.PlacementManager) + "," + nameof(Role.ProviderUser))]
public class AgreementModel(PlacementService placements, Core.Uplifts.VariationService variations) : PlacementBrokerPageModel
{
    public PlacementAgreementView Agreement { get; private set; } = null!;
    public IReadOnlyList<Core.Uplifts.VariationView> Variations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await placements.AgreementAsync(Actor, id, Aborted) is not { } agreement)
        {
            return NotFound();
        }
        Agreement = agreement;
        Variations = await variations.PlacementVariationsAsync(Actor, id, Aborted) ?? [];
        return Page();
    }
}

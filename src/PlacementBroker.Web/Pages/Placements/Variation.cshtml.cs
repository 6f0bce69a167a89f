using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Web.Pages.Placements;

/// <summary>One variation of an Individual Placement Agreement, printable on its own, for the two parties to it.</summary>
[Authorize(Roles = nameof(Role.PlacingOfficer) + "," + nameof(Role.PlacementManager) + "," + nameof(Role.ProviderUser))]
public class VariationModel(PlacementService placements, VariationService variations) : PlacementBrokerPageModel
{
    public PlacementAgreementView Agreement { get; private set; } = null!;
    public VariationView Variation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid variationId)
    {
        if (await placements.AgreementAsync(Actor, id, Aborted) is not { } agreement
            || (await variations.PlacementVariationsAsync(Actor, id, Aborted))?.SingleOrDefault(v => v.Id == variationId) is not { } variation)
        {
            return NotFound();
        }
        (Agreement, Variation) = (agreement, variation);
        return Page();
    }
}

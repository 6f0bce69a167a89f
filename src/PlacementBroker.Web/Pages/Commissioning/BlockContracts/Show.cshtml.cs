using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Web.Pages.Commissioning.BlockContracts;

/// <summary>A block contract: its terms over time, occupancy and voids, its variations, and a form to vary it from a date.</summary>
public class ShowModel(VariationService variations) : CommissioningPageModel
{
    [BindProperty]
    public VaryInput Input { get; set; } = new();

    public sealed record VaryInput(DateInputValue? EffectiveFrom = null, string? Places = null, string? WeeklyPricePerPlace = null, string? Reason = null);

    public BlockContractTermsView Contract { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        return await ReadThenSendAsync(
            unreadable => new VaryBlockContractRequest(
                FormValues.Date(Input.EffectiveFrom, "The date the change applies from", unreadable, "Input.EffectiveFrom"),
                FormValues.WholeNumber(Input.Places, "Enter the places as a whole number, like 4", unreadable, "Input.Places"),
                FormValues.Money(Input.WeeklyPricePerPlace, "Enter the weekly price per place in pounds, like 3650", unreadable, "Input.WeeklyPricePerPlace"),
                Input.Reason),
            request => variations.VaryBlockAsync(Actor, id, request, Aborted),
            (_, _) => Done("The block contract is varied", "/Commissioning/BlockContracts/Show", new { id }),
            async () => await LoadAsync(id) ?? Page());
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (await variations.BlockContractAsync(Actor, id, Aborted) is not { } contract)
        {
            return NotFound();
        }
        Contract = contract;
        return null;
    }
}

namespace PlacementBroker.Web.Pages.Placements;

/// <summary>A placement manager records a spot placement's new weekly price from a date; billing charges each day at its price.</summary>
[Authorize(Policy = Policies.PlacementManager)]
public class PriceModel(PlacementService placements, Core.Billing.PriceChangeService prices) : PlacementPageModel(placements)
{
    [BindProperty]
    public PriceInput Input { get; set; } = new();

    public sealed class PriceInput
    {
        public string? WeeklyPrice { get; set; }
        public DateInputValue EffectiveFrom { get; set; } = new();
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        ModelState.Clear();
        var unreadable = new Dictionary<string, string>();
        var price = FormValues.Money(Input.WeeklyPrice, "Enter the weekly price in pounds, like 4250 or 4250.50", unreadable, "Input.WeeklyPrice");
        var from = FormValues.Date(Input.EffectiveFrom, "The date the new price starts", unreadable, "Input.EffectiveFrom");
        if (Unreadable(unreadable))
        {
            return Page();
        }
        var outcome = await prices.ChangeAsync(Actor, id, new Core.Billing.PriceChangeRequest(price, from, Input.Reason), Aborted);
        return outcome.Succeeded
            ? Done($"The weekly price is {Words.Pence(price!.Value)} from {Words.Date(from!.Value)}.")
            : Refused(outcome) ?? Page();
    }
}

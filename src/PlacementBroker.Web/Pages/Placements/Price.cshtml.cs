namespace PlacementBroker.Web.Pages.Placements;

/// <summary>A placement manager records a spot placement's new weekly price from a date; billing charges each day at its price.</summary>
[Authorize(Policy = Policies.PlacementManager)]
public class PriceModel(PlacementService placements, Core.Billing.PriceChangeService prices) : PlacementPageModel(placements)
{
    [BindProperty]
    public PriceInput Input { get; set; } = new();

    public sealed record PriceInput(string? WeeklyPrice = null, DateInputValue? EffectiveFrom = null, string? Reason = null);

    public Task<IActionResult> OnPostAsync(Guid id) => ChangeAsync(id,
        unreadable => new Core.Billing.PriceChangeRequest(
            FormValues.Money(Input.WeeklyPrice, "Enter the weekly price in pounds, like 4250 or 4250.50", unreadable, "Input.WeeklyPrice"),
            FormValues.Date(Input.EffectiveFrom, "The date the new price starts", unreadable, "Input.EffectiveFrom"), Input.Reason),
        request => prices.ChangeAsync(Actor, id, request, Aborted),
        (request, _) => $"The weekly price is {Words.Pence(request.WeeklyPrice!.Value)} from {Words.Date(request.EffectiveFrom!.Value)}.");
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlacementBroker.Core;
using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Placements;
using PlacementBroker.Core.Vocabulary;
using PlacementBroker.Web.Auth;
using PlacementBroker.Web.TagHelpers;

namespace PlacementBroker.Web.Pages.Placements;

/// <summary>A placement manager records a spot placement's new weekly price from a date; billing charges each day at its price.</summary>
[Authorize(Policy = Policies.PlacementManager)]
public class PriceModel(PlacementService placements, PriceChangeService prices) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["weeklyPrice"] = "Input.WeeklyPrice",
        ["effectiveFrom"] = "Input.EffectiveFrom",
        ["reason"] = "Input.Reason",
    };

    [BindProperty]
    public PriceInput Input { get; set; } = new();

    public PlacementView Placement { get; private set; } = null!;

    public sealed class PriceInput
    {
        public string? WeeklyPrice { get; set; }
        public DateInputValue EffectiveFrom { get; set; } = new();
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await placements.FindAsync(HttpContext.ToActor(), id, audited: false, HttpContext.RequestAborted) is not { } placement)
        {
            return NotFound();
        }
        Placement = placement;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await placements.FindAsync(HttpContext.ToActor(), id, audited: false, HttpContext.RequestAborted) is not { } placement)
        {
            return NotFound();
        }
        Placement = placement;
        ModelState.Clear();
        if (!Commissioning.FormValues.TryMoney(Input.WeeklyPrice, out var price))
        {
            ModelState.AddModelError(Fields["weeklyPrice"], "Enter the weekly price in pounds, like 4250 or 4250.50");
        }
        var from = Input.EffectiveFrom.Read("The date the new price starts", out var dateError);
        if (dateError is not null)
        {
            ModelState.AddModelError(Fields["effectiveFrom"], dateError);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await prices.ChangeAsync(HttpContext.ToActor(), id, new PriceChangeRequest(price, from, Input.Reason), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            TempData["Success"] = $"The weekly price is {Words.Pence(price!.Value)} from {Words.Date(from!.Value)}.";
            return Redirect($"/placements/{id}");
        }
        if (outcome.Kind is OutcomeKind.BusinessRule or OutcomeKind.Conflict or OutcomeKind.Forbidden)
        {
            ModelState.AddModelError("", outcome.Message!);
        }
        ModelState.AddFieldErrors(outcome.Errors, Fields);
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Placements;
using PlacementBroker.Web.Auth;
using PlacementBroker.Web.TagHelpers;

namespace PlacementBroker.Web.Pages.Commissioning.BlockContracts;

public class NewModel(BlockContractService blockContracts, PlacementBrokerDbContext db) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["providerId"] = "Input.ProviderId",
        ["lotId"] = "Input.LotId",
        ["places"] = "Input.Places",
        ["weeklyPricePerPlace"] = "Input.WeeklyPricePerPlace",
        ["startDate"] = "Input.StartDate",
        ["endDate"] = "Input.EndDate",
    };

    [BindProperty]
    public ContractInput Input { get; set; } = new();

    public List<SelectListItem> Providers { get; private set; } = [];
    public List<SelectListItem> Lots { get; private set; } = [];

    public sealed class ContractInput
    {
        public string? ProviderId { get; set; }
        public string? LotId { get; set; }
        public string? Places { get; set; }
        public string? WeeklyPricePerPlace { get; set; }
        public DateInputValue StartDate { get; set; } = new();
        public DateInputValue EndDate { get; set; } = new();
    }

    public async Task OnGetAsync() => await LoadChoicesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var start = Input.StartDate.IsEmpty ? null : Input.StartDate.Read("The start date", out var startError) is var s && startError is null ? s : Fail("Input.StartDate", startError!);
        var end = Input.EndDate.IsEmpty ? null : Input.EndDate.Read("The end date", out var endError) is var e && endError is null ? e : Fail("Input.EndDate", endError!);
        int? places = int.TryParse(Input.Places, out var p) ? p : null;
        decimal? price = decimal.TryParse(Input.WeeklyPricePerPlace?.Replace("£", "").Replace(",", ""), out var w) ? w : null;
        if (!string.IsNullOrWhiteSpace(Input.Places) && places is null)
        {
            Fail("Input.Places", "Enter the number of places as a whole number");
        }
        if (!string.IsNullOrWhiteSpace(Input.WeeklyPricePerPlace) && price is null)
        {
            Fail("Input.WeeklyPricePerPlace", "Enter the weekly price in pounds, like 4750 or 4,750.50");
        }
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync();
            return Page();
        }
        var outcome = await blockContracts.CreateBlockContractAsync(HttpContext.ToActor(), new CreateBlockContractRequest(
            Guid.TryParse(Input.ProviderId, out var provider) ? provider : null,
            Guid.TryParse(Input.LotId, out var lot) ? lot : null,
            null, places, price, start, end), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            TempData["Success"] = "The block contract has been recorded";
            return Redirect("/block-contracts");
        }
        ModelState.AddFieldErrors(outcome.Errors, Fields);
        await LoadChoicesAsync();
        return Page();
    }

    private DateOnly? Fail(string key, string message)
    {
        ModelState.AddModelError(key, message);
        return null;
    }

    private async Task LoadChoicesAsync()
    {
        var authority = User.GetLocalAuthorityId();
        var lots = await db.Lots.AsNoTracking()
            .VisibleTo(authority).Where(l => l.Dps!.Status != DpsStatus.Draft)
            .OrderBy(l => l.Name).Select(l => new { l.Id, l.Name, Dps = l.Dps!.Name }).ToListAsync();
        var lotIds = lots.Select(l => l.Id).ToList();
        var providers = await db.LotMemberships.AsNoTracking()
            .Where(m => lotIds.Contains(m.LotId) && m.Status == MembershipStatus.Admitted)
            .Select(m => new { m.ProviderId, m.Provider!.Name }).Distinct().OrderBy(m => m.Name).ToListAsync();
        Lots = [new("Select a lot", ""), .. lots.Select(l => new SelectListItem($"{l.Name} ({l.Dps})", l.Id.ToString()))];
        Providers = [new("Select a provider", ""), .. providers.Select(m => new SelectListItem(m.Name, m.ProviderId.ToString()))];
    }
}

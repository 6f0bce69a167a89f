using Microsoft.AspNetCore.Mvc;
using PlacementBroker.Core;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Sufficiency;
using PlacementBroker.Core.Vocabulary;

namespace PlacementBroker.Web.Pages.Commissioning.Dps.Lots;

/// <summary>
/// A lot's prices: the commissioner's benchmark and band (the lead authority changes them), and beside them the prices
/// actually accepted in each market, marking those with enough placements to judge offers by.
/// </summary>
public class PricesModel(DpsService dps, AcceptedPriceBenchmarks accepted) : CommissioningPageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["benchmarkWeeklyPrice"] = "Input.BenchmarkWeeklyPrice",
        ["priceBandLower"] = "Input.PriceBandLower",
        ["priceBandUpper"] = "Input.PriceBandUpper",
    };

    public DpsView Dps { get; private set; } = null!;
    public LotView Lot { get; private set; } = null!;
    public bool IsLead { get; private set; }
    public List<PriceMarket> Markets { get; private set; } = [];

    [BindProperty]
    public PricesInput Input { get; set; } = new();

    public sealed class PricesInput
    {
        public string? BenchmarkWeeklyPrice { get; set; }
        public string? PriceBandLower { get; set; }
        public string? PriceBandUpper { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid lotId)
    {
        if (await LoadAsync(id, lotId) is { } refusal)
        {
            return refusal;
        }
        Input = new PricesInput
        {
            BenchmarkWeeklyPrice = FormValues.Money(Lot.BenchmarkWeeklyPrice), PriceBandLower = FormValues.Money(Lot.PriceBandLower),
            PriceBandUpper = FormValues.Money(Lot.PriceBandUpper),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid lotId)
    {
        ModelState.Clear();
        if (await LoadAsync(id, lotId) is { } refusal)
        {
            return refusal;
        }
        if (!IsLead)
        {
            return Forbid();
        }
        var benchmark = Money("benchmarkWeeklyPrice", Input.BenchmarkWeeklyPrice);
        var lower = Money("priceBandLower", Input.PriceBandLower);
        var upper = Money("priceBandUpper", Input.PriceBandUpper);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await dps.SetPricesAsync(Actor, lotId, benchmark, lower, upper, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            Success($"The prices of {Lot.Name} are saved.");
            return Redirect($"/dps/{id}/lots/{lotId}/prices");
        }
        return Refused(outcome, Fields) ?? Page();
    }

    public static string Market(PriceMarket market) => (market.Band, market.Region) switch
    {
        (null, _) => "Every placement in the lot",
        ({ } band, null) => $"{Words.Name(band)}, every region",
        ({ } band, { } region) => $"{Words.Name(band)}, {Words.Name(region)}",
    };

    private decimal? Money(string field, string? text)
    {
        if (FormValues.TryMoney(text, out var value))
        {
            return value;
        }
        ModelState.AddModelError(Fields[field], "Enter a weekly price in pounds, like 4250 or 4250.50, or leave it blank");
        return null;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid lotId)
    {
        if (await VisibleDpsAsync(dps, id) is not { } found || found.Lots.SingleOrDefault(l => l.Id == lotId) is not { } lot)
        {
            return NotFound();
        }
        Dps = found;
        Lot = lot;
        IsLead = found.LeadLocalAuthorityId == AuthorityId;
        Markets = PriceBenchmarkRules.Markets(await accepted.AcceptedPricesAsync(lotId, HttpContext.RequestAborted));
        return null;
    }
}

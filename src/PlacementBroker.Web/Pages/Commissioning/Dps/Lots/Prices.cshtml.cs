using PlacementBroker.Core.Sufficiency;
using PlacementBroker.Core.Vocabulary;

namespace PlacementBroker.Web.Pages.Commissioning.Dps.Lots;

/// <summary>
/// A lot's prices: the commissioner's benchmark and band (the lead authority changes them), and beside them the prices
/// actually accepted in each market, marking those with enough placements to judge offers by.
/// </summary>
public class PricesModel(DpsService dps, AcceptedPriceBenchmarks accepted) : CommissioningPageModel
{
    private const string MoneyMessage = "Enter a weekly price in pounds, like 4250 or 4250.50, or leave it blank";

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
            BenchmarkWeeklyPrice = FormValues.MoneyText(Lot.BenchmarkWeeklyPrice), PriceBandLower = FormValues.MoneyText(Lot.PriceBandLower),
            PriceBandUpper = FormValues.MoneyText(Lot.PriceBandUpper),
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
        var unreadable = new Dictionary<string, string>();
        var benchmark = FormValues.Money(Input.BenchmarkWeeklyPrice, MoneyMessage, unreadable, "Input.BenchmarkWeeklyPrice");
        var lower = FormValues.Money(Input.PriceBandLower, MoneyMessage, unreadable, "Input.PriceBandLower");
        var upper = FormValues.Money(Input.PriceBandUpper, MoneyMessage, unreadable, "Input.PriceBandUpper");
        if (Unreadable(unreadable))
        {
            return Page();
        }
        var outcome = await dps.SetPricesAsync(Actor, lotId, benchmark, lower, upper, Aborted);
        if (outcome.Succeeded)
        {
            Success($"The prices of {Lot.Name} are saved.");
            return RedirectToPage("/Commissioning/Dps/Lots/Prices", new { id, lotId });
        }
        return Refused(outcome) ?? Page();
    }

    public static string Market(PriceMarket market) => (market.Band, market.Region) switch
    {
        (null, _) => "Every placement in the lot",
        ({ } band, null) => $"{Words.Name(band)}, every region",
        ({ } band, { } region) => $"{Words.Name(band)}, {Words.Name(region)}",
    };

    private async Task<IActionResult?> LoadAsync(Guid id, Guid lotId)
    {
        if (await VisibleDpsAsync(dps, id) is not { } found || found.Lots.SingleOrDefault(l => l.Id == lotId) is not { } lot)
        {
            return NotFound();
        }
        Dps = found;
        Lot = lot;
        IsLead = found.LeadLocalAuthorityId == AuthorityId;
        Markets = PriceBenchmarkRules.Markets(await accepted.AcceptedPricesAsync(lotId, Aborted));
        return null;
    }
}

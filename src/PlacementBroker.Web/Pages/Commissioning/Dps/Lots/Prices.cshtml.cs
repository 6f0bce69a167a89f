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

    public sealed record PricesInput(string? BenchmarkWeeklyPrice = null, string? PriceBandLower = null, string? PriceBandUpper = null);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid lotId)
    {
        if (await LoadAsync(id, lotId) is { } refusal)
        {
            return refusal;
        }
        Input = new(FormValues.MoneyText(Lot.BenchmarkWeeklyPrice), FormValues.MoneyText(Lot.PriceBandLower), FormValues.MoneyText(Lot.PriceBandUpper));
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
        return await ReadThenSendAsync(
            unreadable => (Benchmark: FormValues.Money(Input.BenchmarkWeeklyPrice, MoneyMessage, unreadable, "Input.BenchmarkWeeklyPrice"),
                Lower: FormValues.Money(Input.PriceBandLower, MoneyMessage, unreadable, "Input.PriceBandLower"),
                Upper: FormValues.Money(Input.PriceBandUpper, MoneyMessage, unreadable, "Input.PriceBandUpper")),
            prices => dps.SetPricesAsync(Actor, lotId, prices.Benchmark, prices.Lower, prices.Upper, Aborted),
            (_, _) => Done($"The prices of {Lot.Name} are saved.", "/Commissioning/Dps/Lots/Prices", new { id, lotId }));
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

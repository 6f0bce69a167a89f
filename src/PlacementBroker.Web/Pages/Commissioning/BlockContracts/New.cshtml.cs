namespace PlacementBroker.Web.Pages.Commissioning.BlockContracts;

public class NewModel(BlockContractService blockContracts, PlacementBrokerDbContext db) : CommissioningPageModel
{
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
        var unreadable = new Dictionary<string, string>();
        var start = FormValues.Date(Input.StartDate, "The start date", unreadable, "Input.StartDate");
        var end = FormValues.Date(Input.EndDate, "The end date", unreadable, "Input.EndDate");
        var places = FormValues.WholeNumber(Input.Places, "Enter the number of places as a whole number", unreadable, "Input.Places");
        var price = FormValues.Money(Input.WeeklyPricePerPlace, "Enter the weekly price in pounds, like 4750 or 4,750.50", unreadable, "Input.WeeklyPricePerPlace");
        if (Unreadable(unreadable))
        {
            await LoadChoicesAsync();
            return Page();
        }
        var outcome = await blockContracts.CreateBlockContractAsync(Actor, new CreateBlockContractRequest(
            FormValues.Id(Input.ProviderId),
            FormValues.Id(Input.LotId),
            null, places, price, start, end), Aborted);
        if (outcome.Succeeded)
        {
            Success("The block contract has been recorded");
            return RedirectToPage("/Commissioning/BlockContracts/Index");
        }
        if (Refused(outcome) is { } refusal)
        {
            return refusal;
        }
        await LoadChoicesAsync();
        return Page();
    }

    private async Task LoadChoicesAsync()
    {
        var lots = await db.Lots.AsNoTracking()
            .VisibleTo(AuthorityId).Where(l => l.Dps!.Status != DpsStatus.Draft)
            .OrderBy(l => l.Name).Select(l => new { l.Id, l.Name, Dps = l.Dps!.Name }).ToListAsync();
        var lotIds = lots.Select(l => l.Id).ToList();
        var providers = await db.LotMemberships.AsNoTracking()
            .Where(m => lotIds.Contains(m.LotId) && m.Status == MembershipStatus.Admitted)
            .Select(m => new { m.ProviderId, m.Provider!.Name }).Distinct().OrderBy(m => m.Name).ToListAsync();
        Lots = [new("Select a lot", ""), .. lots.Select(l => new SelectListItem($"{l.Name} ({l.Dps})", l.Id.ToString()))];
        Providers = [new("Select a provider", ""), .. providers.Select(m => new SelectListItem(m.Name, m.ProviderId.ToString()))];
    }
}

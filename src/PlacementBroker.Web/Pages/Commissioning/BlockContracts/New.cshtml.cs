namespace PlacementBroker.Web.Pages.Commissioning.BlockContracts;

public class NewModel(BlockContractService blockContracts, PlacementBrokerDbContext db) : CommissioningPageModel
{
    [BindProperty]
    public ContractInput Input { get; set; } = new();

    public List<SelectListItem> Providers { get; private set; } = [];
    public List<SelectListItem> Lots { get; private set; } = [];

    public sealed record ContractInput(
        string? ProviderId = null, string? LotId = null, string? Places = null, string? WeeklyPricePerPlace = null,
        DateInputValue? StartDate = null, DateInputValue? EndDate = null);

    public async Task OnGetAsync() => await LoadChoicesAsync();

    public Task<IActionResult> OnPostAsync() => ReadThenSendAsync(
        unreadable => new CreateBlockContractRequest(FormValues.Id(Input.ProviderId), FormValues.Id(Input.LotId), null,
            FormValues.WholeNumber(Input.Places, "Enter the number of places as a whole number", unreadable, "Input.Places"),
            FormValues.Money(Input.WeeklyPricePerPlace, "Enter the weekly price in pounds, like 4750 or 4,750.50", unreadable, "Input.WeeklyPricePerPlace"),
            FormValues.Date(Input.StartDate, "The start date", unreadable, "Input.StartDate"),
            FormValues.Date(Input.EndDate, "The end date", unreadable, "Input.EndDate")),
        request => blockContracts.CreateBlockContractAsync(Actor, request, Aborted),
        (_, _) => Done("The block contract has been recorded", "/Commissioning/BlockContracts/Index"),
        () => PageAsync(LoadChoicesAsync));

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

namespace PlacementBroker.Web.Pages.Commissioning.Dps;

public class NewModel(DpsService dps, PlacementBrokerDbContext db) : CommissioningPageModel
{
    [BindProperty]
    public NewDpsInput Input { get; set; } = new();

    public List<SelectListItem> Regimes { get; } =
    [
        new(Words.Name(DpsRegime.Pcr2015Dps), nameof(DpsRegime.Pcr2015Dps))
        {
            Group = new SelectListGroup { Name = $"Public Contracts Regulations 2015, regulation 34: decide each application within {DecisionPeriod.Pcr2015Days} working days, extendable once to {DecisionPeriod.Pcr2015ExtendedDays} working days with a recorded reason." },
        },
        new(Words.Name(DpsRegime.ProcurementAct2023DynamicMarket), nameof(DpsRegime.ProcurementAct2023DynamicMarket))
        {
            Group = new SelectListGroup { Name = $"Decide each application within the period you set below (up to {DecisionPeriod.DynamicMarketMaxDays} working days). Excluded suppliers must be removed, and membership conditions are fixed once published." },
        },
    ];

    public List<SelectListItem> Authorities { get; private set; } = [];

    /// <param name="Action">Which button: "draft" or "open".</param>
    public sealed record NewDpsInput(
        string? Name = null, string? Regime = nameof(DpsRegime.Pcr2015Dps), string? DecisionPeriodDays = null,
        IReadOnlyList<string>? ParticipatingLocalAuthorityIds = null, string? Action = null);

    public async Task OnGetAsync()
    {
        Input = new(DecisionPeriodDays: DecisionPeriod.Pcr2015Days.ToString(CultureInfo.InvariantCulture));
        await LoadAuthoritiesAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        // Blank is the regime's default; anything unreadable goes to the service as out of range, so every problem shows at once.
        var unreadable = new Dictionary<string, string>();
        var period = FormValues.WholeNumber(Input.DecisionPeriodDays, "Enter the decision period as a whole number of working days, like 10",
            unreadable, "Input.DecisionPeriodDays") ?? (unreadable.Count > 0 ? -1 : null);
        var request = new CreateDpsRequest(
            Input.Name,
            [.. (Input.ParticipatingLocalAuthorityIds ?? []).Select(FormValues.Id).OfType<Guid>().Where(g => g != Guid.Empty)],
            FormValues.Choice<DpsRegime>(Input.Regime),
            period,
            Input.Action == "draft");
        return await SettleAsync(await dps.CreateAsync(Actor, request, Aborted), created => Done(created.Status == DpsStatus.Draft
                ? $"{created.Name} was saved as a draft. Add its lots, then open it for applications."
                : $"{created.Name} is open for applications.", "/Commissioning/Dps/Show", new { id = created.Id }),
            () => PageAsync(LoadAuthoritiesAsync), unreadable: unreadable);
    }

    private async Task LoadAuthoritiesAsync()
    {
        var own = AuthorityId;
        Authorities = await db.LocalAuthorities.AsNoTracking().Where(a => a.Id != own).OrderBy(a => a.Name)
            .Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync(Aborted);
    }
}

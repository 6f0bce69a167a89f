namespace PlacementBroker.Web.Pages.Commissioning.Vacancies;

/// <summary>Vacancies on the lots of the authority's DPSs, filtered by lot, area, need and Ofsted grade (a GET form, so results can be bookmarked).</summary>
public class IndexModel(VacancyService vacancies, DpsService dps) : CommissioningPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Lot { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Need { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Grade { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyList<VacancyView> Results { get; private set; } = [];
    public PageInfo Paging { get; private set; } = new(1, Api.Paging.WebPageSize, 0);
    public List<SelectListItem> Lots { get; private set; } = [];

    public List<SelectListItem> Needs { get; } =
        [new("Any need", ""), .. Display.Options<Need>()];

    public List<SelectListItem> Grades { get; } =
        [new("Any grade", ""), .. Display.Options<OfstedGrade>()];

    public List<SelectListItem> Statuses { get; } =
        [new("Any status", ""), .. Display.Options<VacancyStatus>()];

    public bool Filtered => !string.IsNullOrWhiteSpace(Lot) || !string.IsNullOrWhiteSpace(Area) || !string.IsNullOrWhiteSpace(Need)
        || !string.IsNullOrWhiteSpace(Grade) || !string.IsNullOrWhiteSpace(Status);

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = Aborted;
        var systems = await dps.ListForAuthorityAsync(AuthorityId, ct);
        Lots = [new("Any lot", ""), .. systems.SelectMany(d => d.Lots.Select(l => new SelectListItem(systems.Count == 1 ? l.Name : $"{l.Name} ({d.Name})", l.Id.ToString())))];
        Area = string.IsNullOrWhiteSpace(Area) ? null : Area.Trim().ToUpperInvariant();
        var filter = new VacancyFilter(
            FormValues.Id(Lot),
            Area is { Length: <= 8 } ? Area : null,
            FormValues.Choice<Need>(Need),
            FormValues.Choice<OfstedGrade>(Grade),
            FormValues.Choice<VacancyStatus>(Status));
        var outcome = await vacancies.ListAsync(Actor, filter, Request.WebPage(), ct);
        if (!outcome.Succeeded)
        {
            return Forbid();
        }
        (Results, Paging) = (outcome.Value!.Items, outcome.Value.Info);
        return Page();
    }

    public static string Ages(VacancyView v) => v.AgeMin == v.AgeMax ? $"{v.AgeMin}" : $"{v.AgeMin} to {v.AgeMax}";
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using PlacementBroker.Core;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Providers;
using PlacementBroker.Core.Vocabulary;
using PlacementBroker.Web.Api;

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
        var ct = HttpContext.RequestAborted;
        var systems = await dps.ListForAuthorityAsync(AuthorityId, ct);
        Lots = [new("Any lot", ""), .. systems.SelectMany(d => d.Lots.Select(l => new SelectListItem(systems.Count == 1 ? l.Name : $"{l.Name} ({d.Name})", l.Id.ToString())))];
        Area = string.IsNullOrWhiteSpace(Area) ? null : Area.Trim().ToUpperInvariant();
        var filter = new VacancyFilter(
            Guid.TryParse(Lot, out var lotId) ? lotId : null,
            Area is { Length: <= 8 } ? Area : null,
            Enum.TryParse<Need>(Need, out var need) ? need : null,
            Enum.TryParse<OfstedGrade>(Grade, out var grade) ? grade : null,
            Enum.TryParse<VacancyStatus>(Status, out var status) ? status : null);
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

using PlacementBroker.Core.Matching;

namespace PlacementBroker.Web.Pages.Providers;

/// <summary>
/// Find any provider by name, the URN of any of its settings, Ofsted grade and QA status (a GET form, so a search can be
/// shared), and act on each result: a QA officer raises a flag or records a visit; a commissioner opens the scorecard.
/// </summary>
[Authorize(Roles = $"{nameof(Role.QaOfficer)},{nameof(Role.Commissioner)}")]
public class IndexModel(ProviderSearch search) : PlacementBrokerPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Urn { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Grade { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyList<ProviderSearchResult> Results { get; private set; } = [];
    public PageInfo Paging { get; private set; } = new(1, Api.Paging.WebPageSize, 0);
    public bool Filtered { get; private set; }
    public bool IsQaOfficer => User.IsInRole(nameof(Role.QaOfficer));
    public bool IsCommissioner => User.IsInRole(nameof(Role.Commissioner));

    public List<SelectListItem> Grades { get; } = [new("Any grade", ""), .. Display.Options<OfstedGrade>()];

    public List<SelectListItem> Statuses { get; } = [new("Any status", ""), .. Display.Options<QaStatus>()];

    public async Task<IActionResult> OnGetAsync()
    {
        var filter = new ProviderSearchFilter(Name, Urn, FormValues.Choice<OfstedGrade>(Grade), FormValues.Choice<QaStatus>(Status));
        Filtered = filter.Any;
        var outcome = await search.SearchAsync(Actor, filter, Request.WebPage(), Aborted);
        if (!outcome.Succeeded)
        {
            return Forbid();
        }
        (Results, Paging) = (outcome.Value!.Items, outcome.Value.Info);
        return Page();
    }
}

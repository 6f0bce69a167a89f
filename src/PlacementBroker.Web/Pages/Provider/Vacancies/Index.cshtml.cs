namespace PlacementBroker.Web.Pages.Provider.Vacancies;

public class IndexModel(VacancyService vacancies) : ProviderPageModel
{
    public IReadOnlyList<VacancyView> Vacancies { get; private set; } = [];
    public PageInfo Paging { get; private set; } = new(1, Api.Paging.WebPageSize, 0);

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await vacancies.ListAsync(Actor, new VacancyFilter(), Request.WebPage(), Aborted);
        if (!outcome.Succeeded)
        {
            return Forbid();
        }
        (Vacancies, Paging) = (outcome.Value!.Items, outcome.Value.Info);
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using PlacementBroker.Core.Providers;

namespace PlacementBroker.Web.Pages.Provider.Vacancies;

public class IndexModel(VacancyService vacancies) : ProviderPageModel
{
    public List<VacancyView> Vacancies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await vacancies.ListAsync(Actor, new VacancyFilter(), Aborted);
        if (!outcome.Succeeded)
        {
            return Forbid();
        }
        Vacancies = outcome.Value!;
        return Page();
    }
}

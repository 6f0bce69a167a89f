namespace PlacementBroker.Web.Pages.Provider.Vacancies;

public class EditModel(VacancyService vacancies, SettingService settings, MembershipService memberships) : VacancyFormModel(settings, memberships)
{
    public VacancyView Vacancy { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await vacancies.FindAsync(Actor, id, Aborted) is not { } vacancy)
        {
            return NotFound();
        }
        Vacancy = vacancy;
        Input = VacancyInput.From(vacancy);
        await LoadChoicesAsync(vacancy);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await vacancies.FindAsync(Actor, id, Aborted) is not { } vacancy)
        {
            return NotFound();
        }
        Vacancy = vacancy;
        return await SaveAsync(request => vacancies.UpdateAsync(Actor, id, request, Aborted), _ => "Your vacancy is changed", vacancy);
    }
}

namespace PlacementBroker.Web.Pages.Provider.Vacancies;

public class WithdrawModel(VacancyService vacancies) : ProviderPageModel
{
    public VacancyView Vacancy { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await vacancies.FindAsync(Actor, id, Aborted) is not { } vacancy)
        {
            return NotFound();
        }
        Vacancy = vacancy;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var outcome = await vacancies.WithdrawAsync(Actor, id, Aborted);
        if (outcome.Kind == OutcomeKind.NotFound || await vacancies.FindAsync(Actor, id, Aborted) is not { } vacancy)
        {
            return NotFound();
        }
        Vacancy = vacancy;
        return Settle(outcome, _ => Done($"Your vacancy at {vacancy.SettingName} is withdrawn", "/Provider/Vacancies/Index"));
    }
}

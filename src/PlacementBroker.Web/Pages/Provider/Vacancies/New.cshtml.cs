namespace PlacementBroker.Web.Pages.Provider.Vacancies;

public class NewModel(VacancyService vacancies, SettingService settings, MembershipService memberships) : VacancyFormModel(settings, memberships)
{
    public async Task OnGetAsync() => await LoadChoicesAsync();

    public Task<IActionResult> OnPostAsync() =>
        SaveAsync(request => vacancies.PublishAsync(Actor, request, Aborted),
            v => $"Your vacancy of {(v.Places == 1 ? "1 place" : $"{v.Places} places")} is published");
}

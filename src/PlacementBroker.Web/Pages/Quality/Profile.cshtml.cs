namespace PlacementBroker.Web.Pages.Quality;

/// <summary>A provider's QA profile: its derived status with the reasons, flags, visits, settings with their Ofsted history, what is due.</summary>
[Authorize(Policy = Policies.AuthorityUser)]
public class ProfileModel(QualityService quality) : PlacementBrokerPageModel
{
    public QaProfile Profile { get; private set; } = null!;
    public bool IsQaOfficer => User.IsInRole(nameof(Role.QaOfficer));
    public Guid? AuthorityId => User.GetLocalAuthorityId();

    public async Task<IActionResult> OnGetAsync(Guid providerId)
    {
        if (await quality.ProfileAsync(providerId, Aborted) is not { } profile)
        {
            return NotFound();
        }
        Profile = profile;
        return Page();
    }

    public string SettingName(Guid? settingId) =>
        settingId is { } id ? Profile.Settings.FirstOrDefault(s => s.Id == id)?.Name ?? "A closed setting" : "The whole provider";
}

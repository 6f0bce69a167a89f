namespace PlacementBroker.Web.Pages.Quality;

/// <summary>
/// A QA form about one provider (raising a flag, recording a visit): the provider's QA profile, and its open settings to
/// choose from after <paramref name="noSetting"/>, the first option.
/// </summary>
public abstract class QaProviderFormPageModel(QualityService quality, string noSetting) : QaPageModel
{
    public QaProfile Profile { get; private set; } = null!;
    public List<SelectListItem> Settings { get; private set; } = [];

    protected QualityService Quality => quality;

    /// <summary>False when there is no such provider.</summary>
    protected async Task<bool> LoadAsync(Guid providerId)
    {
        if (await quality.ProfileAsync(providerId, Aborted) is not { } profile)
        {
            return false;
        }
        Profile = profile;
        Settings = [new(noSetting, ""), .. profile.Settings.Where(s => !s.Closed).Select(s => new SelectListItem(s.Name, s.Id.ToString()))];
        return true;
    }
}

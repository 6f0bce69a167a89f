namespace PlacementBroker.Web.Pages.Help;

/// <summary>
/// Help: the user guide for the signed-in user's role, or the guide named in the address; without either (not signed in),
/// the list of guides. Open to everyone, as the guides are in the repository anyway.
/// </summary>
[AllowAnonymous]
public class IndexModel : PlacementBrokerPageModel
{
    public UserGuide? Guide { get; private set; }
    public string? OwnGuide { get; private set; }

    public IActionResult OnGet(string? guide)
    {
        OwnGuide = UserGuides.KeyFor(User.GetRole());
        var key = guide ?? OwnGuide;
        if (key is null)
        {
            return Page();
        }
        Guide = UserGuides.Find(key, GuideHref);
        return Guide is null ? NotFound() : Page();
    }

    public string GuideHref(string key) => Url.Page("/Help/Index", new { guide = key })!;

    public IEnumerable<(string Key, string Title)> Guides() =>
        UserGuides.ByRole.Select(g => (g.Key, UserGuides.Find(g.Key, GuideHref)?.Title)).Where(g => g.Title is not null).Select(g => (g.Key, g.Title!));
}

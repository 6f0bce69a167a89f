namespace PlacementBroker.Web.Pages.Provider.Referrals;

public sealed record InboxPanel(IReadOnlyList<ProviderReferralView> Referrals, bool FitsOnly, int All, PageInfo Paging);

/// <summary>
/// The provider's inbox: every referral sent to the organisation, anonymised, newest first. /js/provider-inbox-live.js
/// refetches the list (the List handler) when a referral arrives or closes.
/// </summary>
public class IndexModel(OfferService offers, ProviderAlerts alerts) : ProviderPageModel
{
    public const string EveryReferral = "every";
    public const string FittingReferrals = "fitting";

    /// <summary>Only the referrals that fit the provider's vacancies.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Fits { get; set; }

    [BindProperty]
    public string? Alerts { get; set; }

    public InboxPanel Inbox { get; private set; } = null!;

    public static List<SelectListItem> AlertChoices =>
    [
        new("Alert me live for every referral", EveryReferral),
        new("Alert me live only for referrals that fit our vacancies", FittingReferrals),
    ];

    public override IEnumerable<string> FieldOrder => [nameof(Alerts)];

    public async Task OnGetAsync()
    {
        Inbox = await LoadAsync();
        Alerts = await alerts.GetAsync(Actor, Aborted) ? EveryReferral : FittingReferrals;
    }

    public async Task<IActionResult> OnGetListAsync()
    {
        Response.Headers.CacheControl = "no-store";
        return Partial("_Inbox", await LoadAsync());
    }

    public async Task<IActionResult> OnPostAlertsAsync()
    {
        if (Alerts is not (EveryReferral or FittingReferrals))
        {
            ModelState.AddModelError(nameof(Alerts), "Select when you want to be alerted live");
            Inbox = await LoadAsync();
            return Page();
        }
        var every = await alerts.SetAsync(Actor, Alerts == EveryReferral, Aborted);
        return Done(every
            ? "You will be alerted live for every referral sent to your organisation"
            : "You will be alerted live only for referrals that fit your vacancies. Every referral still appears in this list",
            "/Provider/Referrals/Index", Fits ? new { fits = "true" } : null);
    }

    private async Task<InboxPanel> LoadAsync()
    {
        var page = await offers.InboxAsync(Actor, Request.WebPage(), Fits, Aborted);
        var all = Fits ? (await offers.InboxAsync(Actor, new PageRequest(1, 1), ct: Aborted)).TotalCount : page.TotalCount;
        return new InboxPanel(page.Items, Fits, all, page.Info);
    }
}

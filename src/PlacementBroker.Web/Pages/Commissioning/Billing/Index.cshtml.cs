using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Payments;

namespace PlacementBroker.Web.Pages.Commissioning.Billing;

/// <summary>The authority's billing runs, and choosing a month to bill (the schedule does the previous month by itself): the preview runs it.</summary>
public class IndexModel(BillingService billing, IPaymentGateway gateway, TimeProvider clock) : CommissioningPageModel
{
    internal static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public IReadOnlyList<BillingRunSummary> Runs { get; private set; } = [];
    public PageInfo Paging { get; private set; } = new(1, Api.Paging.WebPageSize, 0);
    public List<SelectListItem> Months { get; private set; } = [];
    public bool StripeConfigured => gateway.IsConfigured;

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var page = await billing.RunsAsync(Actor, Request.WebPage(), Aborted);
        (Runs, Paging) = (page.Items, page.Info);
        var thisMonth = UkTime.Today(clock);
        thisMonth = new DateOnly(thisMonth.Year, thisMonth.Month, 1);
        Month ??= thisMonth.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        // Months that have ended: billing is in arrears, and a month billed early would miss placements recorded later in it.
        Months = [.. Enumerable.Range(1, 12).Select(i => thisMonth.AddMonths(-i))
            .Select(m => new SelectListItem(m.ToString("MMMM yyyy", EnGb), m.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.ToString("yyyy-MM", CultureInfo.InvariantCulture) == Month))];
    }
}

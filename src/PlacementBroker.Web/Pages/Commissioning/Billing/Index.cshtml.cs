using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Payments;

namespace PlacementBroker.Web.Pages.Commissioning.Billing;

/// <summary>The authority's billing runs, and running billing for a month (the schedule does the previous month by itself).</summary>
public class IndexModel(BillingService billing, IPaymentGateway gateway, TimeProvider clock) : CommissioningPageModel
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public IReadOnlyList<BillingRunSummary> Runs { get; private set; } = [];
    public PageInfo Paging { get; private set; } = new(1, Api.Paging.WebPageSize, 0);
    public List<SelectListItem> Months { get; private set; } = [];
    public bool StripeConfigured => gateway.IsConfigured;

    [BindProperty]
    public string? Month { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        await LoadAsync();
        if (!DateOnly.TryParseExact($"{Month}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            ModelState.AddModelError(nameof(Month), "Select the month to bill");
            return Page();
        }
        var period = BillingPeriod.Month(month);
        // The one exception: a month already billed is a conflict, shown at the month.
        return Settle(await billing.RunAsync(Actor, new BillingRunRequest(period.Start, period.End), Aborted),
            run => Done($"Billing for {month.ToString("MMMM yyyy", EnGb)}: {Words.Plural(run.Invoices.Count, "invoice", "invoices")}, {Words.Pence(run.Total)} in all.",
                "/Commissioning/Billing/Run", new { id = run.Id }),
            new Dictionary<string, string> { ["periodStart"] = nameof(Month), ["periodEnd"] = nameof(Month) }, messageAt: (OutcomeKind.Conflict, nameof(Month)));
    }

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

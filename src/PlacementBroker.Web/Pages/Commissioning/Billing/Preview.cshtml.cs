using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Payments;

namespace PlacementBroker.Web.Pages.Commissioning.Billing;

/// <summary>
/// The check before a month is billed: the invoices the run will raise (authority, provider, placements, total), and
/// when the month was run before and by whom. Only the confirmed POST runs it; a POST without the confirmation shows
/// this page again and changes nothing.
/// </summary>
public class PreviewModel(BillingService billing, IPaymentGateway gateway) : CommissioningPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty]
    public bool Confirmed { get; set; }

    public BillingPreview? Preview { get; private set; }
    public string MonthName { get; private set; } = "";
    public bool StripeConfigured => gateway.IsConfigured;
    public ConfirmStep? Confirm { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (!Confirmed || ReadMonth() is not { } month)
        {
            return await ShowAsync();
        }
        var period = BillingPeriod.Month(month);
        return await SettleAsync(await billing.RunAsync(Actor, new BillingRunRequest(period.Start, period.End), Aborted),
            run => Done($"Billing for {MonthName}: {Words.Plural(run.Invoices.Count, "invoice", "invoices")}, {Words.Pence(run.Total)} in all.",
                "/Commissioning/Billing/Run", new { id = run.Id }),
            ShowAsync, new Dictionary<string, string> { ["periodStart"] = "", ["periodEnd"] = "" });
    }

    private DateOnly? ReadMonth()
    {
        if (!DateOnly.TryParseExact($"{Month}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return null;
        }
        MonthName = month.ToString("MMMM yyyy", IndexModel.EnGb);
        return month;
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (ReadMonth() is not { } month)
        {
            ModelState.AddModelError("", "Select the month to bill");
            return Page();
        }
        var period = BillingPeriod.Month(month);
        var outcome = await billing.PreviewAsync(Actor, new BillingRunRequest(period.Start, period.End), Aborted);
        if (Refused(outcome) is { } refused)
        {
            return refused;
        }
        if (!outcome.Succeeded)
        {
            return Page();
        }
        Preview = outcome.Value!;
        Confirm = new ConfirmStep(Warning(Preview), Preview.Previous is null ? $"Run billing for {MonthName}" : $"Run billing for {MonthName} again",
            Url.Page("/Commissioning/Billing/Index", new { month = Month })!, new Dictionary<string, string?> { [nameof(Month)] = Month });
        return Page();
    }

    /// <summary>What confirming will do, in words.</summary>
    private string Warning(BillingPreview preview)
    {
        if (preview.Previous?.Status == BillingRunStatus.Completed)
        {
            return $"No new invoice will be raised: {MonthName} is already billed. Running it again sends any of its invoices that were not sent.";
        }
        if (preview.Invoices.Count == 0)
        {
            return $"Nothing will be billed for {MonthName}: no spot placement or block contract of your authority ran in it. The month will be recorded as billed.";
        }
        var invoices = $"{Words.Plural(preview.Invoices.Count, "invoice", "invoices")} totalling {Words.Pence(preview.Total)}";
        return StripeConfigured
            ? $"{invoices} will be raised in Stripe for {MonthName} and sent to {preview.Authority} for payment. They cannot be taken back here."
            : $"{invoices} will be worked out for {MonthName}. Payments are not set up on this service, so they will not be sent for payment yet.";
    }
}

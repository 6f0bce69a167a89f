using System.Text;
using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Payments;
using PlacementBroker.Core.Vocabulary;

namespace PlacementBroker.Web.Pages.Commissioning.Billing;

/// <summary>
/// One billing run: the summary by provider (with its CSV), each provider's invoice, its status with Stripe, and what
/// each placement and block contract cost, with the child placed (an audited identity read, the run's own authority only).
/// </summary>
public class RunModel(BillingService billing, IPaymentGateway gateway) : CommissioningPageModel
{
    public BillingRunView Run { get; private set; } = null!;
    public IReadOnlyList<BillingSummaryRow> Summary { get; private set; } = [];
    public IReadOnlyDictionary<Guid, BilledChild> Children { get; private set; } = new Dictionary<Guid, BilledChild>();
    public bool StripeConfigured => gateway.IsConfigured;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await billing.RunAsync(Actor, id, Aborted) is not { } run)
        {
            return NotFound();
        }
        Run = run;
        Summary = [.. run.Invoices.Select(BillingSummaryRow.Of)];
        Children = await billing.ChildrenAsync(Actor, id, Aborted);
        return Page();
    }

    /// <summary>The summary table as a CSV file (no child's identity in it): the run's own authority only.</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid id)
    {
        if (await billing.RunAsync(Actor, id, Aborted) is not { } run)
        {
            return NotFound();
        }
        var csv = new StringBuilder("authority,provider,periodStart,periodEnd,placements,blockContracts,total,status\r\n");
        foreach (var invoice in run.Invoices)
        {
            var row = BillingSummaryRow.Of(invoice);
            csv.Append(string.Join(',', CsvField.Of(row.Authority), CsvField.Of(row.Provider), invoice.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                invoice.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.Placements, row.BlockContracts,
                row.Total.ToString("0.00", CultureInfo.InvariantCulture), CsvField.Of(Status(invoice, StripeConfigured).Text))).Append("\r\n");
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8",
            string.Create(CultureInfo.InvariantCulture, $"billing-{run.PeriodStart:yyyy-MM-dd}-to-{run.PeriodEnd:yyyy-MM-dd}.csv"));
    }

    public static (string Text, string Colour) Status(InvoiceView invoice, bool stripeConfigured) => invoice.Status switch
    {
        InvoiceStatus.Paid when invoice.PaidOutAt is not null => ("Paid, provider paid out", "govuk-tag--green"),
        InvoiceStatus.Paid => (Words.Name(InvoiceStatus.Paid), "govuk-tag--green"),
        InvoiceStatus.Open => (Words.Name(InvoiceStatus.Open), "govuk-tag--blue"),
        InvoiceStatus.PaymentFailed => (Words.Name(InvoiceStatus.PaymentFailed), "govuk-tag--red"),
        _ when invoice.LastError is not null => ("Not sent: Stripe refused it", "govuk-tag--orange"),
        _ when !stripeConfigured => (Words.NotSentNoPayments, "govuk-tag--grey"),
        _ => (Words.Name(InvoiceStatus.Draft), "govuk-tag--grey"),
    };
}

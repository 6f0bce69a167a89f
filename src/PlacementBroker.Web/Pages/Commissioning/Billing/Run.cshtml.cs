using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Payments;
using PlacementBroker.Core.Vocabulary;

namespace PlacementBroker.Web.Pages.Commissioning.Billing;

/// <summary>One billing run: each provider's invoice, its status with Stripe, and what each placement and block contract cost.</summary>
public class RunModel(BillingService billing, IPaymentGateway gateway) : CommissioningPageModel
{
    public BillingRunView Run { get; private set; } = null!;
    public bool StripeConfigured => gateway.IsConfigured;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await billing.RunAsync(Actor, id, Aborted) is not { } run)
        {
            return NotFound();
        }
        Run = run;
        return Page();
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

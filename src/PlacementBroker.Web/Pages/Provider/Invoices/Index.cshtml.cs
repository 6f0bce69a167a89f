using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Payments;

namespace PlacementBroker.Web.Pages.Provider.Invoices;

/// <summary>The provider's invoices to every authority, and the payouts made once they were paid.</summary>
public class IndexModel(BillingService billing, IPaymentGateway gateway) : ProviderPageModel
{
    public List<InvoiceView> Invoices { get; private set; } = [];
    public bool StripeConfigured => gateway.IsConfigured;

    public async Task OnGetAsync() => Invoices = await billing.InvoicesAsync(Actor, Aborted);
}

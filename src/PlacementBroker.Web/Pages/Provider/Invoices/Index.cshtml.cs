using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Payments;

namespace PlacementBroker.Web.Pages.Provider.Invoices;

/// <summary>The provider's invoices to every authority, the payouts made once they were paid, and setting up payouts with Stripe.</summary>
public class IndexModel(BillingService billing, IPaymentGateway gateway, PublicUrls urls) : ProviderPageModel
{
    public IReadOnlyList<InvoiceView> Invoices { get; private set; } = [];
    public PageInfo Paging { get; private set; } = new(1, Api.Paging.WebPageSize, 0);
    public bool StripeConfigured => gateway.IsConfigured;
    public bool HasPayoutAccount { get; private set; }
    /// <summary>Only the organisation's administrator is offered (and allowed) to set up payouts.</summary>
    public bool CanSetUpPayouts { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Sends the user to Stripe to give the bank and identity details payouts need; Stripe sends them back here.</summary>
    public async Task<IActionResult> OnPostPayoutsAsync()
    {
        var back = new Uri(urls.For("/provider/invoices"));
        return await SettleAsync(await billing.PayoutOnboardingAsync(Actor, back, Aborted), stripe => Redirect(stripe.ToString()),
            () => PageAsync(LoadAsync));
    }

    private async Task LoadAsync()
    {
        var page = await billing.InvoicesAsync(Actor, Request.WebPage(), Aborted);
        (Invoices, Paging) = (page.Items, page.Info);
        HasPayoutAccount = await billing.HasPayoutAccountAsync(ProviderId, Aborted);
        CanSetUpPayouts = await billing.IsOrganisationAdminAsync(Actor, Aborted);
    }
}

namespace PlacementBroker.Core.Billing;

public static class BillingExtensions
{
    /// <summary>Billing runs, price changes and Stripe's payment events. The payment gateway is registered by <c>AddPayments</c>.</summary>
    public static IServiceCollection AddBilling(this IServiceCollection services) => services
        .AddScoped<BillingService>()
        .AddScoped<PaymentEventService>()
        .AddScoped<BillingJob>()
        .AddScoped<PriceChangeService>();
}

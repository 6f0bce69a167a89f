using Microsoft.Extensions.Configuration;

namespace PlacementBroker.Core.Payments;

public static class PaymentsExtensions
{
    /// <summary>The Stripe adapter behind <see cref="IPaymentGateway"/>, configured from the <c>Stripe</c> section.</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration) => services
        .Configure<StripeOptions>(configuration.GetSection(StripeOptions.Section))
        .AddSingleton<IPaymentGateway, StripePaymentGateway>();
}

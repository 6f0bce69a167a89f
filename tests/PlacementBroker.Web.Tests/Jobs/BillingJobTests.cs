using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Billing;
using PlacementBroker.Core.Data;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Api;

namespace PlacementBroker.Web.Tests.Jobs;

/// <summary>The monthly billing sweep: the previous month billed for every authority with placements, once, and raised through Stripe.</summary>
public class BillingJobTests(BillingApp app) : IClassFixture<BillingApp>
{
    [Fact]
    public async Task BillingJob_EarlyInTheMonth_BillsLastMonthOnce_AndRetriesWhatStripeRefused()
    {
        var dps = await app.Data.CreateDpsAsync();
        using (var officer = await app.Data.ClientForAsync(await app.Data.OfficerForAsync(dps)))
        {
            var (provider, vacancyId) = await app.Data.FittingProviderAsync(dps, 4200m);
            await app.Data.Placement(officer, dps.LotId).With(provider, vacancyId).At(4200m).PlaceAsync();
        }
        // 2 January 2027: December is last month. Stripe refuses the invoice both times the first sweep sends it
        // (when billing, and when retrying what was refused).
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 2, 6, 30, 0, TimeSpan.Zero));
        app.Stripe.FailNext("/v1/invoices", 400, "invalid_request_error", "Customer has no address", method: "POST");
        app.Stripe.FailNext("/v1/invoices", 400, "invalid_request_error", "Customer has no address", method: "POST");

        await RunJobAsync();
        var first = await InvoicesAsync(dps.Commissioner.LocalAuthorityId!.Value);
        await RunJobAsync();
        var second = await InvoicesAsync(dps.Commissioner.LocalAuthorityId!.Value);

        var invoice = Assert.Single(first);
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), (invoice.PeriodStart, invoice.PeriodEnd));
        Assert.Equal(18600m, invoice.Total);
        Assert.Equal(InvoiceStatus.Draft, invoice.Status);
        Assert.Contains("Customer has no address", invoice.LastError);
        var retried = Assert.Single(second);
        Assert.Equal(invoice.Id, retried.Id);
        Assert.Equal(InvoiceStatus.Open, retried.Status);
        Assert.Null(retried.LastError);
    }

    /// <summary>As the scheduler runs it: the recurring job registered at start-up.</summary>
    private Task RunJobAsync() => app.Jobs.RunRecurringAsync(BillingJob.RecurringId);

    private async Task<List<Invoice>> InvoicesAsync(Guid authorityId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlacementBrokerDbContext>().Invoices.AsNoTracking()
            .Where(i => i.LocalAuthorityId == authorityId).ToListAsync();
    }
}

using Microsoft.Extensions.Logging;
using PlacementBroker.Core.Payments;

namespace PlacementBroker.Core.Billing;

/// <summary>
/// Applies the payment provider's events to invoices. Each event id is recorded with the change it makes, in one
/// save, so a repeat is recognised and changes nothing. Events may arrive out of order: a paid invoice stays paid, and
/// an event older than the last one applied is ignored. Once paid, the provider's share is paid out.
/// </summary>
public class PaymentEventService(PlacementBrokerDbContext db, IPaymentGateway gateway, TimeProvider clock, ILogger<PaymentEventService> logger)
{
    public async Task<PaymentEventOutcome> HandleAsync(PaymentEvent e, CancellationToken ct = default)
    {
        if (await db.PaymentEvents.AnyAsync(p => p.Id == e.Id, ct))
        {
            return PaymentEventOutcome.Repeat;
        }
        var invoiceId = e.InvoiceId is { } ours && await db.Invoices.AnyAsync(i => i.Id == ours, ct)
            ? ours
            : e.StripeInvoiceId is { } theirs ? await db.Invoices.Where(i => i.StripeInvoiceId == theirs).Select(i => (Guid?)i.Id).SingleOrDefaultAsync(ct) : null;
        var created = e.Created;
        // The change and the event's record are one transaction: both happen, or neither (and the event is retried).
        // Each change is a conditional update, so a paid invoice stays paid whatever saves at the same moment.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = invoiceId is not { } id ? 0 : e.Type switch
        {
            "invoice.paid" => await db.Invoices.Where(i => i.Id == id && i.Status != InvoiceStatus.Paid).ExecuteUpdateAsync(i => i
                .SetProperty(x => x.Status, InvoiceStatus.Paid)
                .SetProperty(x => x.PaidAt, created)
                .SetProperty(x => x.StripeInvoiceId, x => x.StripeInvoiceId ?? e.StripeInvoiceId)
                .SetProperty(x => x.LastEventAt, x => x.LastEventAt != null && x.LastEventAt > created ? x.LastEventAt : created), ct),
            "invoice.payment_failed" => await db.Invoices
                .Where(i => i.Id == id && i.Status != InvoiceStatus.Paid && (i.LastEventAt == null || i.LastEventAt <= created))
                .ExecuteUpdateAsync(i => i
                    .SetProperty(x => x.Status, InvoiceStatus.PaymentFailed)
                    .SetProperty(x => x.PaymentFailedAt, created)
                    .SetProperty(x => x.LastEventAt, created), ct),
            _ => 0,
        };
        db.PaymentEvents.Add(new PaymentEventRecord { Id = e.Id, Type = e.Type.Length > 100 ? e.Type[..100] : e.Type, ReceivedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same event delivered twice at once: the other delivery applied it. Any other failure is rethrown, so
            // Stripe is answered with an error and sends the event again.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (await db.PaymentEvents.AnyAsync(p => p.Id == e.Id, CancellationToken.None))
            {
                return PaymentEventOutcome.Repeat;
            }
            throw;
        }
        if (changed == 0)
        {
            return PaymentEventOutcome.Ignored;
        }
        if (e.Type == "invoice.paid")
        {
            await PayOutAsync(await db.Invoices.SingleAsync(i => i.Id == invoiceId, ct), ct);
        }
        return PaymentEventOutcome.Applied;
    }

    /// <summary>Pays the provider out of a paid invoice, once; a failure is kept on the invoice and tried again by the billing job.</summary>
    public async Task PayOutAsync(Invoice invoice, CancellationToken ct = default)
    {
        if (!gateway.IsConfigured || invoice.Status != InvoiceStatus.Paid || invoice.StripeTransferId is not null || invoice.Total <= 0m)
        {
            return;
        }
        var account = await db.Providers.Where(p => p.Id == invoice.ProviderId).Select(p => p.StripeAccountId).SingleAsync(ct);
        if (account is null)
        {
            invoice.PayoutError = "The provider has no Stripe account yet";
            await db.SaveChangesAsync(ct);
            return;
        }
        try
        {
            invoice.StripeTransferId = await gateway.PayOutAsync(new PaymentPayout(invoice.Id, account, BillingService.Pence(invoice.Total), invoice.StripeInvoiceId), ct);
            invoice.PaidOutAt = clock.GetUtcNow().UtcDateTime;
            invoice.PayoutError = null;
        }
        catch (PaymentGatewayException ex)
        {
            logger.LogWarning(ex, "Invoice {InvoiceId} could not be paid out", invoice.Id);
            invoice.PayoutError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
        }
        // What Stripe has done is recorded whatever happens to the request that asked for it.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}

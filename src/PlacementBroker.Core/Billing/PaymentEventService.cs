using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PlacementBroker.Core.Data;
using PlacementBroker.Core.Payments;

namespace PlacementBroker.Core.Billing;

public enum PaymentEventOutcome
{
    Applied,
    /// <summary>Already handled: a repeat changes nothing.</summary>
    Repeat,
    /// <summary>Recorded and acknowledged, but nothing to do: an event type billing does not use, or an older event than one already applied.</summary>
    Ignored,
}

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
        var invoice = e.InvoiceId is { } ours
            ? await db.Invoices.SingleOrDefaultAsync(i => i.Id == ours, ct)
            : e.StripeInvoiceId is { } theirs ? await db.Invoices.SingleOrDefaultAsync(i => i.StripeInvoiceId == theirs, ct) : null;
        var outcome = PaymentEventOutcome.Ignored;
        if (invoice is not null && (invoice.LastEventAt is null || e.Created >= invoice.LastEventAt || e.Type == "invoice.paid"))
        {
            switch (e.Type)
            {
                case "invoice.paid" when invoice.Status != InvoiceStatus.Paid:
                    invoice.Status = InvoiceStatus.Paid;
                    invoice.PaidAt = e.Created;
                    invoice.StripeInvoiceId ??= e.StripeInvoiceId;
                    invoice.LastEventAt = invoice.LastEventAt is { } last && last > e.Created ? last : e.Created;
                    outcome = PaymentEventOutcome.Applied;
                    break;
                case "invoice.payment_failed" when invoice.Status != InvoiceStatus.Paid:
                    invoice.Status = InvoiceStatus.PaymentFailed;
                    invoice.PaymentFailedAt = e.Created;
                    invoice.LastEventAt = e.Created;
                    outcome = PaymentEventOutcome.Applied;
                    break;
            }
        }
        db.PaymentEvents.Add(new PaymentEventRecord { Id = e.Id, Type = e.Type.Length > 100 ? e.Type[..100] : e.Type, ReceivedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same event delivered twice at once: the other delivery applied it.
            db.ChangeTracker.Clear();
            return PaymentEventOutcome.Repeat;
        }
        if (outcome == PaymentEventOutcome.Applied && invoice!.Status == InvoiceStatus.Paid)
        {
            await PayOutAsync(invoice, ct);
        }
        return outcome;
    }

    /// <summary>Pays the provider out of a paid invoice, once; a failure is kept on the invoice and tried again by the billing job.</summary>
    public async Task PayOutAsync(Invoice invoice, CancellationToken ct = default)
    {
        if (!gateway.IsConfigured || invoice.Status != InvoiceStatus.Paid || invoice.StripeTransferId is not null)
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
            invoice.PayoutError = ex.Message;
        }
        await db.SaveChangesAsync(ct);
    }
}

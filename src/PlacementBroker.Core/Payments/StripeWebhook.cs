using Stripe;

namespace PlacementBroker.Core.Payments;

/// <summary>Verifies and reads Stripe's webhook calls.</summary>
public static class StripeWebhook
{
    /// <summary>How old a signature may be: Stripe's own default, against replayed requests.</summary>
    public const long ToleranceSeconds = 300;

    /// <summary>
    /// Checks the <c>Stripe-Signature</c> header against the raw body with the endpoint's secret, refusing a signature
    /// older than five minutes by <paramref name="now"/>, then reads the event. The account's API version may differ
    /// from the library's: only the fields read here are relied on.
    /// </summary>
    public static PaymentEvent Verify(string json, string? signature, string? secret, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new PaymentWebhookException("Webhooks are not configured: set Stripe:WebhookSecret.");
        }
        if (string.IsNullOrWhiteSpace(signature))
        {
            throw new PaymentWebhookException("The Stripe-Signature header is missing.");
        }
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(json, signature, secret, ToleranceSeconds, now.ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException e)
        {
            throw new PaymentWebhookException($"The signature does not match the body, or is too old: {e.Message}", e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A signed body that is not an event (the library throws whatever its JSON reader throws).
            throw new PaymentWebhookException("The body is not a Stripe event.", e);
        }
        if (string.IsNullOrEmpty(stripeEvent.Id) || string.IsNullOrEmpty(stripeEvent.Type))
        {
            throw new PaymentWebhookException("The body is not a Stripe event.");
        }
        string? stripeInvoiceId = null;
        Guid? invoiceId = null;
        if (stripeEvent.Data?.Object is Stripe.Invoice invoice)
        {
            stripeInvoiceId = invoice.Id;
            if (invoice.Metadata?.TryGetValue("invoiceId", out var ours) == true && Guid.TryParse(ours, out var parsed))
            {
                invoiceId = parsed;
            }
        }
        return new PaymentEvent(stripeEvent.Id, stripeEvent.Type, DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc), stripeInvoiceId, invoiceId);
    }
}

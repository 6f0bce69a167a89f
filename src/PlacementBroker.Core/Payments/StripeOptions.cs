namespace PlacementBroker.Core.Payments;

/// <summary>The <c>Stripe</c> configuration section (names fixed by the API contract).</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    /// <summary>The platform's secret key. Without it invoices are worked out but not raised.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The signing secret of the webhook endpoint (<c>whsec_…</c>).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Overrides https://api.stripe.com, for a stand-in in tests or a proxy.</summary>
    public string? ApiBase { get; set; }

    /// <summary>How long one request may take before it counts as failed (and is retried with the same key).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>How many times the client retries a request that failed on the network or with a 5xx/409, with the same idempotency key.</summary>
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>Days the authority has to pay an invoice.</summary>
    public int DaysUntilDue { get; set; } = 30;
}

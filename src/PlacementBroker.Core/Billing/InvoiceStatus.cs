namespace PlacementBroker.Core.Billing;

public enum InvoiceStatus
{
    /// <summary>Worked out here, not yet raised in Stripe (Stripe not configured, or the last attempt failed).</summary>
    Draft,
    /// <summary>Raised in Stripe and sent to the authority; awaiting payment.</summary>
    Open,
    Paid,
    PaymentFailed,
}

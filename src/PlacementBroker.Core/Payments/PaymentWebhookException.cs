namespace PlacementBroker.Core.Payments;

/// <summary>The webhook's body or signature could not be trusted: answered 400 and nothing is written.</summary>
public sealed class PaymentWebhookException(string message, Exception? inner = null) : Exception(message, inner);

namespace PlacementBroker.Core.Payments;

/// <summary>The payment provider refused or could not be reached. <see cref="Transient"/>: worth trying again later.</summary>
public sealed class PaymentGatewayException(string message, bool transient, Exception? inner = null) : Exception(message, inner)
{
    public bool Transient { get; } = transient;
}

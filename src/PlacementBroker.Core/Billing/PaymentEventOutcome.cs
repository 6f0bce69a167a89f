namespace PlacementBroker.Core.Billing;

public enum PaymentEventOutcome
{
    Applied,
    /// <summary>Already handled: a repeat changes nothing.</summary>
    Repeat,
    /// <summary>Recorded and acknowledged, but nothing to do: an event type billing does not use, or an older event than one already applied.</summary>
    Ignored,
}

namespace PlacementBroker.Core.Referrals;

public enum Urgency
{
    /// <summary>Same day.</summary>
    Emergency,
    /// <summary>Within 72 hours.</summary>
    Urgent,
    Planned,
}

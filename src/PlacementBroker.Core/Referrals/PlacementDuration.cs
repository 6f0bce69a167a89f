namespace PlacementBroker.Core.Referrals;

public enum PlacementDuration
{
    Emergency,
    ShortTerm,
    LongTerm,
    Respite,
    Remand,
}

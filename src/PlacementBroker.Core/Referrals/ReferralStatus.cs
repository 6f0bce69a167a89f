namespace PlacementBroker.Core.Referrals;

public enum ReferralStatus
{
    Draft,
    Open,
    Placed,
    Withdrawn,
    Unfilled,
}

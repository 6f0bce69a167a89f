namespace PlacementBroker.Core.Referrals;

public enum OfferStatus
{
    Submitted,
    Withdrawn,
    PendingApproval,
    Accepted,
    NotSelected,
    Rejected,
}

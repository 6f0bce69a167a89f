namespace PlacementBroker.Core.Providers;

public enum SettingReviewStatus
{
    Approved,
    AwaitingReview,
    Rejected,
}

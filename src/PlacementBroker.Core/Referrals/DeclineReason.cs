namespace PlacementBroker.Core.Referrals;

public enum DeclineReason
{
    NoSuitableVacancy,
    CannotMeetNeeds,
    ImpactOnOtherChildren,
    RiskTooHigh,
    LocationUnsuitable,
    StartDateNotPossible,
    PriceBelowCost,
    OutsideRegistration,
    Other,
}

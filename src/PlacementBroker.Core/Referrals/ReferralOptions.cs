namespace PlacementBroker.Core.Referrals;

public class ReferralOptions
{
    public const string Section = "PlacementBroker:Referrals";

    /// <summary>An emergency referral with no offer after this long goes to the authority's placement managers.</summary>
    public double EmergencyEscalationHours { get; set; } = 2;
}

namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>
/// The placing authority's referral pages. The folder needs the ReferralReaders policy (placing officers and placement
/// managers); the pages that write need a placing officer as well.
/// </summary>
public abstract class ReferralsPageModel : PlacementBrokerPageModel
{
    public bool IsOfficer => User.GetRole() == Role.PlacingOfficer;
}

using System.Linq.Expressions;

namespace PlacementBroker.Core.Quality;

/// <summary>
/// The quality assurance red rule: while a provider has an open critical flag (it is red, see
/// <see cref="QaFlagQueries.ProviderIsRedAsync"/>), every admitted membership of the provider is suspended and marked
/// <see cref="LotMembership.SuspendedForQa"/>, including one admitted while it is red; when no critical flag is open any
/// more, exactly the memberships so marked are reinstated. Memberships a commissioner suspended stay suspended, and a
/// commissioner cannot reinstate a membership while the provider is red. Both changes go through
/// <see cref="LotMembership.ChangeStatus"/>, so <see cref="MembershipRules"/> applies (suspend from admitted, reinstate
/// from suspended) and each writes a membership event.
/// </summary>
public static class QaSuspension
{
    public const string SuspendedReason = "Quality assurance red: a critical flag is open";
    public const string ReinstatedReason = "Quality assurance: the critical flag is resolved";

    /// <summary>Whether the rule applies to this membership: admitted ones when red, QA-suspended ones when no longer red.</summary>
    public static bool Applies(LotMembership membership, bool red) => red
        ? membership.Status == MembershipStatus.Admitted
        : membership.Status == MembershipStatus.Suspended && membership.SuspendedForQa;

    /// <summary><see cref="Applies"/> as a query, for reading the memberships the rule changes.</summary>
    public static Expression<Func<LotMembership, bool>> AppliesTo(bool red) => red
        ? m => m.Status == MembershipStatus.Admitted
        : m => m.Status == MembershipStatus.Suspended && m.SuspendedForQa;

    /// <summary>Why a commissioner cannot reinstate or readmit a membership of a provider that is red.</summary>
    public static string RefusalWhileRed(string providerName) =>
        $"{providerName} is red in quality assurance: a critical flag is open. Its memberships are reinstated when the flag is resolved.";

    /// <summary>Suspends an admitted membership because the provider is red; null when it is not admitted.</summary>
    public static MembershipEvent? Suspend(LotMembership membership, DpsRegime regime, Guid? byUserId, DateTime at)
    {
        if (membership.Status != MembershipStatus.Admitted)
        {
            return null;
        }
        var change = membership.ChangeStatus(MembershipAction.Suspend, regime, byUserId, SuspendedReason, at);
        membership.SuspendedForQa = change is not null;
        return change;
    }

    /// <summary>Reinstates a membership suspended because the provider was red; null for any other membership.</summary>
    public static MembershipEvent? Reinstate(LotMembership membership, DpsRegime regime, Guid? byUserId, DateTime at) =>
        Applies(membership, red: false) ? membership.ChangeStatus(MembershipAction.Reinstate, regime, byUserId, ReinstatedReason, at) : null;

    /// <summary>Applies the rule for the provider's current colour: suspends when red, reinstates when not.</summary>
    public static MembershipEvent? Apply(LotMembership membership, bool red, DpsRegime regime, Guid? byUserId, DateTime at) =>
        red ? Suspend(membership, regime, byUserId, at) : Reinstate(membership, regime, byUserId, at);
}

namespace PlacementBroker.Core.Dps;

public enum MembershipAction
{
    Suspend,
    Reinstate,
    Withdraw,
    RemoveExcludedSupplier,
    Readmit,
}

/// <summary>
/// Which membership changes are lawful from which state. One table, so the API, the pages and the QA
/// suspension all agree. A removed (excluded) supplier cannot come back through a new application.
/// </summary>
public static class MembershipRules
{
    public static MembershipStatus? Apply(MembershipStatus from, MembershipAction action, DpsRegime regime) => (from, action) switch
    {
        (MembershipStatus.Admitted, MembershipAction.Suspend) => MembershipStatus.Suspended,
        (MembershipStatus.Suspended, MembershipAction.Reinstate) => MembershipStatus.Admitted,
        (MembershipStatus.Admitted or MembershipStatus.Suspended, MembershipAction.Withdraw) => MembershipStatus.Withdrawn,
        (MembershipStatus.Admitted or MembershipStatus.Suspended, MembershipAction.RemoveExcludedSupplier)
            when regime == DpsRegime.ProcurementAct2023DynamicMarket => MembershipStatus.Removed,
        (MembershipStatus.Withdrawn, MembershipAction.Readmit) => MembershipStatus.Admitted,
        _ => null,
    };

    public static string Refusal(MembershipStatus from, MembershipAction action, DpsRegime regime) => (from, action) switch
    {
        (_, MembershipAction.RemoveExcludedSupplier) when regime != DpsRegime.ProcurementAct2023DynamicMarket =>
            "Removing an excluded supplier applies to Procurement Act 2023 dynamic markets. Under PCR 2015, suspend the membership instead.",
        (MembershipStatus.Removed, _) => "The supplier was removed as excluded: its membership cannot change.",
        (MembershipStatus.Withdrawn, _) => "The provider has withdrawn from this lot: it must apply again.",
        (MembershipStatus.Admitted, MembershipAction.Reinstate) => "The membership is not suspended.",
        (MembershipStatus.Suspended, MembershipAction.Suspend) => "The membership is already suspended.",
        _ => $"A {Words.InSentence(from)} membership cannot be changed that way.",
    };
}

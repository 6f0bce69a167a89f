using PlacementBroker.Core.Dps;

namespace PlacementBroker.Core.Tests.Dps;

public class MembershipRulesTests
{
    private const DpsRegime Pcr = DpsRegime.Pcr2015Dps;
    private const DpsRegime Market = DpsRegime.ProcurementAct2023DynamicMarket;

    [Theory]
    [InlineData(MembershipStatus.Admitted, MembershipAction.Suspend, Pcr, MembershipStatus.Suspended)]
    [InlineData(MembershipStatus.Suspended, MembershipAction.Reinstate, Pcr, MembershipStatus.Admitted)]
    [InlineData(MembershipStatus.Admitted, MembershipAction.Withdraw, Pcr, MembershipStatus.Withdrawn)]
    [InlineData(MembershipStatus.Suspended, MembershipAction.Withdraw, Market, MembershipStatus.Withdrawn)]
    [InlineData(MembershipStatus.Admitted, MembershipAction.RemoveExcludedSupplier, Market, MembershipStatus.Removed)]
    [InlineData(MembershipStatus.Suspended, MembershipAction.RemoveExcludedSupplier, Market, MembershipStatus.Removed)]
    [InlineData(MembershipStatus.Withdrawn, MembershipAction.Readmit, Pcr, MembershipStatus.Admitted)]
    public void Apply_LawfulChange_MovesToTheNewState(MembershipStatus from, MembershipAction action, DpsRegime regime, MembershipStatus to) =>
        Assert.Equal(to, MembershipRules.Apply(from, action, regime));

    [Theory]
    [InlineData(MembershipStatus.Admitted, MembershipAction.Reinstate, Pcr)]
    [InlineData(MembershipStatus.Suspended, MembershipAction.Suspend, Pcr)]
    [InlineData(MembershipStatus.Withdrawn, MembershipAction.Suspend, Pcr)]
    [InlineData(MembershipStatus.Withdrawn, MembershipAction.Reinstate, Pcr)]
    [InlineData(MembershipStatus.Withdrawn, MembershipAction.Withdraw, Pcr)]
    [InlineData(MembershipStatus.Removed, MembershipAction.Reinstate, Market)]
    [InlineData(MembershipStatus.Removed, MembershipAction.Readmit, Market)]
    [InlineData(MembershipStatus.Removed, MembershipAction.Withdraw, Market)]
    [InlineData(MembershipStatus.Admitted, MembershipAction.RemoveExcludedSupplier, Pcr)]
    [InlineData(MembershipStatus.Admitted, MembershipAction.Readmit, Pcr)]
    [InlineData(MembershipStatus.Suspended, MembershipAction.Readmit, Pcr)]
    public void Apply_UnlawfulChange_IsRefusedWithAReason(MembershipStatus from, MembershipAction action, DpsRegime regime)
    {
        Assert.Null(MembershipRules.Apply(from, action, regime));
        Assert.False(string.IsNullOrWhiteSpace(MembershipRules.Refusal(from, action, regime)));
    }

    [Fact]
    public void Refusal_RemovingUnderPcr_PointsToSuspension() =>
        Assert.Contains("suspend", MembershipRules.Refusal(MembershipStatus.Admitted, MembershipAction.RemoveExcludedSupplier, Pcr), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Apply_EveryStateAndAction_NeverLeavesRemoved()
    {
        foreach (var action in Enum.GetValues<MembershipAction>())
        {
            foreach (var regime in Enum.GetValues<DpsRegime>())
            {
                Assert.Null(MembershipRules.Apply(MembershipStatus.Removed, action, regime));
            }
        }
    }
}

using PlacementBroker.Core.Dps;
using PlacementBroker.Core.Quality;

namespace PlacementBroker.Core.Tests.Dps;

public class MembershipChangeTests
{
    private static readonly DateTime At = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid By = Guid.NewGuid();

    private static LotMembership Membership(MembershipStatus status, bool suspendedForQa = false) =>
        new() { LotId = Guid.NewGuid(), ProviderId = Guid.NewGuid(), Status = status, SuspendedForQa = suspendedForQa };

    [Fact]
    public void ChangeStatus_LawfulChange_MovesStatusAndReturnsOneEventWithFromToWhoWhy()
    {
        var membership = Membership(MembershipStatus.Admitted);

        var change = membership.ChangeStatus(MembershipAction.Suspend, DpsRegime.Pcr2015Dps, By, "Safeguarding concern", At);

        Assert.NotNull(change);
        Assert.Equal(MembershipStatus.Suspended, membership.Status);
        Assert.Equal(membership.Id, change.MembershipId);
        Assert.Equal(MembershipStatus.Admitted, change.FromStatus);
        Assert.Equal(MembershipStatus.Suspended, change.ToStatus);
        Assert.Equal(At, change.OccurredAt);
        Assert.Equal(By, change.ByUserId);
        Assert.Equal("Safeguarding concern", change.Reason);
        Assert.False(membership.SuspendedForQa);
    }

    [Theory]
    [InlineData(MembershipStatus.Admitted, MembershipAction.Reinstate, DpsRegime.Pcr2015Dps)]
    [InlineData(MembershipStatus.Suspended, MembershipAction.Suspend, DpsRegime.Pcr2015Dps)]
    [InlineData(MembershipStatus.Withdrawn, MembershipAction.Reinstate, DpsRegime.Pcr2015Dps)]
    [InlineData(MembershipStatus.Removed, MembershipAction.Readmit, DpsRegime.ProcurementAct2023DynamicMarket)]
    [InlineData(MembershipStatus.Admitted, MembershipAction.RemoveExcludedSupplier, DpsRegime.Pcr2015Dps)]
    public void ChangeStatus_RefusedChange_ReturnsNullAndLeavesTheMembershipAsItWas(MembershipStatus from, MembershipAction action, DpsRegime regime)
    {
        var membership = Membership(from, suspendedForQa: from == MembershipStatus.Suspended);

        Assert.Null(membership.ChangeStatus(action, regime, By, "Try anyway", At));
        Assert.Equal(from, membership.Status);
        Assert.Equal(from == MembershipStatus.Suspended, membership.SuspendedForQa);
    }

    [Fact]
    public void ChangeStatus_LeavingSuspension_ClearsTheQaMark()
    {
        var membership = Membership(MembershipStatus.Suspended, suspendedForQa: true);

        var change = membership.ChangeStatus(MembershipAction.Withdraw, DpsRegime.Pcr2015Dps, By, "Leaving the market", At);

        Assert.Equal(MembershipStatus.Withdrawn, change?.ToStatus);
        Assert.False(membership.SuspendedForQa);
    }

    [Fact]
    public void Admit_NewMembership_HistoryStartsFromNoStatus()
    {
        var applicationId = Guid.NewGuid();
        var (membership, admitted) = LotMembership.Admit(Guid.NewGuid(), Guid.NewGuid(), applicationId, By, "Meets the criteria", At);

        Assert.Equal(MembershipStatus.Admitted, membership.Status);
        Assert.Equal(At, membership.AdmittedAt);
        Assert.Equal(applicationId, membership.ApplicationId);
        Assert.Equal(membership.Id, admitted.MembershipId);
        Assert.Null(admitted.FromStatus);
        Assert.Equal(MembershipStatus.Admitted, admitted.ToStatus);
        Assert.Equal(By, admitted.ByUserId);
        Assert.Equal("Meets the criteria", admitted.Reason);
    }

    [Fact]
    public void QaSuspension_Red_SuspendsAnAdmittedMembershipAndMarksIt()
    {
        var membership = Membership(MembershipStatus.Admitted);

        var change = QaSuspension.Apply(membership, red: true, DpsRegime.Pcr2015Dps, By, At);

        Assert.Equal(MembershipStatus.Suspended, membership.Status);
        Assert.True(membership.SuspendedForQa);
        Assert.Equal(QaSuspension.SuspendedReason, change?.Reason);
        Assert.Equal(MembershipStatus.Admitted, change?.FromStatus);
    }

    [Fact]
    public void QaSuspension_NoLongerRed_ReinstatesOnlyWhatItSuspended()
    {
        var qaSuspended = Membership(MembershipStatus.Suspended, suspendedForQa: true);
        var commissionerSuspended = Membership(MembershipStatus.Suspended);

        var reinstated = QaSuspension.Apply(qaSuspended, red: false, DpsRegime.Pcr2015Dps, By, At);
        var untouched = QaSuspension.Apply(commissionerSuspended, red: false, DpsRegime.Pcr2015Dps, By, At);

        Assert.Equal(QaSuspension.ReinstatedReason, reinstated?.Reason);
        Assert.Equal(MembershipStatus.Admitted, qaSuspended.Status);
        Assert.False(qaSuspended.SuspendedForQa);
        Assert.Null(untouched);
        Assert.Equal(MembershipStatus.Suspended, commissionerSuspended.Status);
    }

    [Theory]
    [InlineData(MembershipStatus.Suspended)]
    [InlineData(MembershipStatus.Withdrawn)]
    [InlineData(MembershipStatus.Removed)]
    public void QaSuspension_Red_LeavesMembershipsThatAreNotAdmittedAlone(MembershipStatus status)
    {
        var membership = Membership(status);

        Assert.Null(QaSuspension.Apply(membership, red: true, DpsRegime.ProcurementAct2023DynamicMarket, By, At));
        Assert.Equal(status, membership.Status);
        Assert.False(membership.SuspendedForQa);
    }

    [Fact]
    public void QaSuspension_QueryForm_SelectsExactlyTheMembershipsTheRuleChanges()
    {
        foreach (var red in new[] { true, false })
        {
            var query = QaSuspension.AppliesTo(red).Compile();
            foreach (var status in Enum.GetValues<MembershipStatus>())
            {
                foreach (var suspendedForQa in new[] { true, false })
                {
                    var membership = Membership(status, suspendedForQa);
                    Assert.Equal(QaSuspension.Applies(membership, red), query(membership));
                }
            }
        }
        Assert.True(QaSuspension.AppliesTo(red: false).Compile()(Membership(MembershipStatus.Suspended, suspendedForQa: true)));
        Assert.False(QaSuspension.AppliesTo(red: false).Compile()(Membership(MembershipStatus.Suspended, suspendedForQa: false)));
    }
}

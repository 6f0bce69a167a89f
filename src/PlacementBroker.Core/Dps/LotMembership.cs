namespace PlacementBroker.Core.Dps;

/// <summary>A provider's place on a lot, from admission on.</summary>
public class LotMembership
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LotId { get; set; }
    public DpsLot? Lot { get; set; }
    public Guid ProviderId { get; set; }
    public Providers.Provider? Provider { get; set; }
    public Guid? ApplicationId { get; set; }
    public MembershipStatus Status { get; set; }
    public DateTime AdmittedAt { get; set; }
    /// <summary>Set while the membership is suspended because the provider is QA red; resolving the flag reinstates it.</summary>
    public bool SuspendedForQa { get; set; }
    public List<MembershipEvent> History { get; set; } = [];

    /// <summary>
    /// A new membership, admitted: the first event of its history (from no status to admitted). The caller adds both to the context.
    /// </summary>
    public static (LotMembership Membership, MembershipEvent Event) Admit(Guid lotId, Guid providerId, Guid? applicationId, Guid? byUserId, string reason, DateTime at)
    {
        var membership = new LotMembership { LotId = lotId, ProviderId = providerId, ApplicationId = applicationId, Status = MembershipStatus.Admitted, AdmittedAt = at };
        return (membership, membership.Event(null, MembershipStatus.Admitted, byUserId, reason, at));
    }

    /// <summary>
    /// The one way an existing membership changes status: <see cref="MembershipRules"/> decides whether
    /// <paramref name="action"/> is lawful from the current status. When it is, the status changes, the QA-suspension mark
    /// is cleared unless the membership stays suspended, and the returned event (from, to, when, who, why) is the one the
    /// caller adds to the context. When it is not, nothing changes and the result is null: <see cref="MembershipRules.Refusal"/> says why.
    /// </summary>
    public MembershipEvent? ChangeStatus(MembershipAction action, DpsRegime regime, Guid? byUserId, string reason, DateTime at)
    {
        var to = MembershipRules.Apply(Status, action, regime);
        if (to is null)
        {
            return null;
        }
        var change = Event(Status, to.Value, byUserId, reason, at);
        Status = to.Value;
        if (to != MembershipStatus.Suspended)
        {
            SuspendedForQa = false;
        }
        return change;
    }

    private MembershipEvent Event(MembershipStatus? from, MembershipStatus to, Guid? byUserId, string reason, DateTime at) => new()
    {
        MembershipId = Id, FromStatus = from, ToStatus = to, OccurredAt = at, ByUserId = byUserId, Reason = reason,
    };
}

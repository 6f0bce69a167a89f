namespace PlacementBroker.Core.Placements;

/// <summary>A child placed with a provider: where money is committed.</summary>
public class Placement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReferralId { get; set; }
    public Referrals.Referral? Referral { get; set; }
    public Guid OfferId { get; set; }
    public Guid LocalAuthorityId { get; set; }
    public Guid ProviderId { get; set; }
    public Guid SettingId { get; set; }
    public Guid VacancyId { get; set; }
    public Guid? BlockContractId { get; set; }
    public PlacementKind Kind { get; set; }
    public PlacementStatus Status { get; set; }
    /// <summary>Places taken: the sibling group placed together.</summary>
    public int Places { get; set; } = 1;
    public decimal WeeklyPrice { get; set; }
    public DateOnly StartDate { get; set; }
    /// <summary>The day the child leaves (the place is free from that day). A date still to come while <see cref="Status"/> is active is a planned end.</summary>
    public DateOnly? EndDate { get; set; }
    public PlacementEndReason? EndReason { get; set; }
    public string? EndNotes { get; set; }
    public bool Retrospective { get; set; }
    public Guid? ApprovalId { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public Guid? EndedByUserId { get; set; }
}

namespace PlacementBroker.Core.Placements;

/// <summary>An offer that needs a placement manager's approval before it becomes a placement (spec 5.4). The place is held meanwhile.</summary>
public class Approval
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OfferId { get; set; }
    public Guid ReferralId { get; set; }
    public Guid LocalAuthorityId { get; set; }
    public PlacementKind Kind { get; set; }
    public Guid? BlockContractId { get; set; }
    public List<string> Reasons { get; set; } = [];
    /// <summary>The places held for this decision on the offer's vacancy: the referral's sibling group. Released when it is decided or closed.</summary>
    public int PlacesHeld { get; set; }
    /// <summary>Where the setting's Ofsted reports are, for a setting graded below good.</summary>
    public string? OfstedReportUrl { get; set; }
    public ApprovalStatus Status { get; set; }
    public Guid RequestedByUserId { get; set; }
    public DateTime RequestedAt { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
    public Guid? PlacementId { get; set; }
}

namespace PlacementBroker.Core.Sufficiency;

/// <summary>
/// An authority's annual sufficiency statement (Children Act 1989, s22G): the year's figures from the platform with
/// the commissioner's commentary. While a draft, the figures are live; publishing freezes them with the words, so the
/// published statement reads the same however the data changes afterwards.
/// </summary>
public class SufficiencyStatement
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid LocalAuthorityId { get; init; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public required string Title { get; set; }
    public string? Introduction { get; set; }
    public string? DemandCommentary { get; set; }
    public string? SupplyCommentary { get; set; }
    public string? OutcomesCommentary { get; set; }
    public string? PriceCommentary { get; set; }
    public string? QualityCommentary { get; set; }
    public string? CommissioningIntentions { get; set; }
    public StatementStatus Status { get; set; }
    /// <summary>The report as published (JSON); null while a draft.</summary>
    public string? PublishedFigures { get; set; }
    public DateTime? PublishedAt { get; set; }
    public Guid? PublishedByUserId { get; set; }
    public required Guid CreatedByUserId { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}

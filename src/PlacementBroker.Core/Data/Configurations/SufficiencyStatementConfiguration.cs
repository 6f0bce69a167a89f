using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Core.Data.Configurations;

public class SufficiencyStatementConfiguration : IEntityTypeConfiguration<SufficiencyStatement>
{
    public void Configure(EntityTypeBuilder<SufficiencyStatement> builder)
    {
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.CreatedByUserId);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.PublishedByUserId);
        builder.HasMaxLength(SufficiencyStatementService.MaxTitle, e => e.Title);
        builder.HasMaxLength(SufficiencyStatementService.MaxCommentary,
            e => e.Introduction, e => e.DemandCommentary, e => e.SupplyCommentary, e => e.OutcomesCommentary,
            e => e.PriceCommentary, e => e.QualityCommentary, e => e.CommissioningIntentions);
        // Two commissioners editing or publishing at once: the second save is refused rather than overwriting the first.
        builder.Property(e => e.UpdatedAt).IsConcurrencyToken();
        builder.HasIndex(e => new { e.LocalAuthorityId, e.PeriodTo });
    }
}

using PlacementBroker.Core.Sufficiency;

namespace PlacementBroker.Core.Data.Configurations;

public class SufficiencyStatementConfiguration : IEntityTypeConfiguration<SufficiencyStatement>
{
    public void Configure(EntityTypeBuilder<SufficiencyStatement> builder)
    {
        builder.HasOne<Identity.LocalAuthority>().WithMany().HasForeignKey(e => e.LocalAuthorityId);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.CreatedByUserId);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.PublishedByUserId);
        builder.Property(e => e.Title).HasMaxLength(SufficiencyStatementService.MaxTitle);
        foreach (var commentary in new[]
        {
            nameof(SufficiencyStatement.Introduction), nameof(SufficiencyStatement.DemandCommentary), nameof(SufficiencyStatement.SupplyCommentary),
            nameof(SufficiencyStatement.OutcomesCommentary), nameof(SufficiencyStatement.PriceCommentary), nameof(SufficiencyStatement.QualityCommentary),
            nameof(SufficiencyStatement.CommissioningIntentions),
        })
        {
            builder.Property<string?>(commentary).HasMaxLength(SufficiencyStatementService.MaxCommentary);
        }
        // Two commissioners editing or publishing at once: the second save is refused rather than overwriting the first.
        builder.Property(e => e.UpdatedAt).IsConcurrencyToken();
        builder.HasIndex(e => new { e.LocalAuthorityId, e.PeriodTo });
    }
}

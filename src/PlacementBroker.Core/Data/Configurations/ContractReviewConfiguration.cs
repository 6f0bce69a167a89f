using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Core.Data.Configurations;

public class ContractReviewConfiguration : IEntityTypeConfiguration<ContractReview>
{
    public void Configure(EntityTypeBuilder<ContractReview> builder)
    {
        builder.HasOne<DynamicPurchasingSystem>().WithMany().HasForeignKey(e => e.DpsId);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.CreatedByUserId);
        builder.Property(e => e.Minutes).HasMaxLength(TextLengths.LongText * 4);
        builder.HasMaxLength(TextLengths.LongText, e => e.OutcomesForChildren, e => e.OutstandingQaActions, e => e.FeeStructures, e => e.Variations,
            e => e.DemandAndSufficiency, e => e.EqualityAndDiversity);
        builder.Property(e => e.UpdatedAt).IsConcurrencyToken();
        builder.HasMany(e => e.Actions).WithOne().HasForeignKey(a => a.ContractReviewId);
        builder.HasIndex(e => new { e.DpsId, e.ProviderId, e.Date });
    }
}

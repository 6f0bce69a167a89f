using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Core.Data.Configurations;

public class ImprovementPlanConfiguration : IEntityTypeConfiguration<ImprovementPlan>
{
    public void Configure(EntityTypeBuilder<ImprovementPlan> builder)
    {
        builder.HasOne<DynamicPurchasingSystem>().WithMany().HasForeignKey(e => e.DpsId);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.RaisedByUserId);
        // The review, return or flag a plan came from: which table depends on Source, so it is kept as a plain value.
        builder.HasNoForeignKey(e => e.SourceId);
        builder.HasMaxLength(TextLengths.LongText, e => e.Reason, e => e.CloseReason);
        builder.Property(e => e.UpdatedAt).IsConcurrencyToken();
        builder.HasMany(e => e.Milestones).WithOne().HasForeignKey(m => m.ImprovementPlanId);
        builder.HasIndex(e => new { e.DpsId, e.Status });
        builder.HasIndex(e => new { e.ProviderId, e.Status });
    }
}

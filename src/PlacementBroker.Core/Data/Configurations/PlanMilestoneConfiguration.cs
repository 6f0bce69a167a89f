using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Core.Data.Configurations;

public class PlanMilestoneConfiguration : IEntityTypeConfiguration<PlanMilestone>
{
    public void Configure(EntityTypeBuilder<PlanMilestone> builder)
    {
        builder.Property(e => e.Description).HasMaxLength(TextLengths.Paragraph);
        builder.HasMany(e => e.Progress).WithOne().HasForeignKey(p => p.PlanMilestoneId);
    }
}

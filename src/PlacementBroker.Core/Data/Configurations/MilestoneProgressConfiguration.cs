using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Core.Data.Configurations;

public class MilestoneProgressConfiguration : IEntityTypeConfiguration<MilestoneProgress>
{
    public void Configure(EntityTypeBuilder<MilestoneProgress> builder)
    {
        builder.Property(e => e.Note).HasMaxLength(TextLengths.LongText);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.ByUserId);
    }
}

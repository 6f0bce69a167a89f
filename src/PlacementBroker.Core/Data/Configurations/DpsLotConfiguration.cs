namespace PlacementBroker.Core.Data.Configurations;

public class DpsLotConfiguration : IEntityTypeConfiguration<DpsLot>
{
    public void Configure(EntityTypeBuilder<DpsLot> builder)
    {
        builder.ToTable("Lots");
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.HasMany(e => e.Questions).WithOne().HasForeignKey(q => q.LotId);
    }
}

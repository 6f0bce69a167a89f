namespace PlacementBroker.Core.Data.Configurations;

public class DpsLotConfiguration : IEntityTypeConfiguration<DpsLot>
{
    public void Configure(EntityTypeBuilder<DpsLot> builder)
    {
        builder.ToTable("Lots");
        builder.HasMany(e => e.Questions).WithOne().HasForeignKey(q => q.LotId);
    }
}

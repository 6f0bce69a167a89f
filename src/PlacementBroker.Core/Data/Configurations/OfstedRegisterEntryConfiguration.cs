namespace PlacementBroker.Core.Data.Configurations;

public class OfstedRegisterEntryConfiguration : IEntityTypeConfiguration<OfstedRegisterEntry>
{
    public void Configure(EntityTypeBuilder<OfstedRegisterEntry> builder)
    {
        builder.HasKey(e => e.Urn);
        builder.Property(e => e.Urn).HasMaxLength(20);
        builder.Property(e => e.SettingName).HasMaxLength(300);
        builder.Property(e => e.OwnerName).HasMaxLength(300);
    }
}

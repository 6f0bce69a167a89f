namespace PlacementBroker.Core.Data.Configurations;

public class OfstedRegisterEntryConfiguration : IEntityTypeConfiguration<OfstedRegisterEntry>
{
    public void Configure(EntityTypeBuilder<OfstedRegisterEntry> builder)
    {
        builder.HasKey(e => e.Urn);
        builder.HasMaxLength(300, e => e.SettingName, e => e.OwnerName);
    }
}

namespace PlacementBroker.Core.Data.Configurations;

public class SettingConfiguration : IEntityTypeConfiguration<Setting>
{
    public void Configure(EntityTypeBuilder<Setting> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.OfstedUrn).HasMaxLength(20);
        builder.Property(e => e.Postcode).HasMaxLength(10);
        // A URN claimed by a second provider is held for a platform admin's review, so only one provider's claim is unique.
        builder.HasIndex(e => new { e.OfstedUrn, e.ProviderId }).IsUnique();
        builder.Property(e => e.ReviewReason).HasMaxLength(1000);
        // The matching pre-filter's bounding box.
        builder.HasIndex(e => new { e.Latitude, e.Longitude });
    }
}

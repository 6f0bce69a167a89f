namespace PlacementBroker.Core.Data.Configurations;

public class SettingConfiguration : IEntityTypeConfiguration<Setting>
{
    public void Configure(EntityTypeBuilder<Setting> builder)
    {
        // A URN claimed by a second provider is held for a platform admin's review, so only one provider's claim is unique.
        builder.HasIndex(e => new { e.OfstedUrn, e.ProviderId }).IsUnique();
        builder.HasMaxLength(1000, e => e.ReviewReason);
        // The matching pre-filter's bounding box.
        builder.HasIndex(e => new { e.Latitude, e.Longitude });
    }
}

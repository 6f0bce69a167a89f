namespace PlacementBroker.Core.Data.Configurations;

public class SettingInspectionConfiguration : IEntityTypeConfiguration<SettingInspection>
{
    public void Configure(EntityTypeBuilder<SettingInspection> builder)
    {
        builder.HasMaxLength(200, e => e.Source);
        builder.HasIndex(e => new { e.SettingId, e.RecordedAt });
    }
}

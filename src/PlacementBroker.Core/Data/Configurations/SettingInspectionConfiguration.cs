namespace PlacementBroker.Core.Data.Configurations;

public class SettingInspectionConfiguration : IEntityTypeConfiguration<SettingInspection>
{
    public void Configure(EntityTypeBuilder<SettingInspection> builder)
    {
        builder.HasOne<Providers.Setting>().WithMany().HasForeignKey(e => e.SettingId);
        builder.Property(e => e.Source).HasMaxLength(200);
        builder.HasIndex(e => new { e.SettingId, e.RecordedAt });
    }
}

namespace PlacementBroker.Core.Data.Configurations;

public class QaFlagConfiguration : IEntityTypeConfiguration<QaFlag>
{
    public void Configure(EntityTypeBuilder<QaFlag> builder)
    {
        builder.HasOne<Providers.Provider>().WithMany().HasForeignKey(e => e.ProviderId);
        builder.HasOne<Providers.Setting>().WithMany().HasForeignKey(e => e.SettingId);
        builder.HasOne<Identity.LocalAuthority>().WithMany().HasForeignKey(e => e.LocalAuthorityId);
        builder.Property(e => e.Description).HasMaxLength(4000);
        builder.Property(e => e.EvidenceReferences).HasMaxLength(2000);
        builder.Property(e => e.Resolution).HasMaxLength(4000);
        builder.HasIndex(e => new { e.ProviderId, e.Status });
    }
}

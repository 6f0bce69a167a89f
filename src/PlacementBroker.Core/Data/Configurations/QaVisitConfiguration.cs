namespace PlacementBroker.Core.Data.Configurations;

public class QaVisitConfiguration : IEntityTypeConfiguration<QaVisit>
{
    public void Configure(EntityTypeBuilder<QaVisit> builder)
    {
        builder.HasOne<Providers.Setting>().WithMany().HasForeignKey(e => e.SettingId);
        builder.HasOne<Providers.Provider>().WithMany().HasForeignKey(e => e.ProviderId);
        builder.HasOne<Identity.LocalAuthority>().WithMany().HasForeignKey(e => e.LocalAuthorityId);
        builder.Property(e => e.Visitor).HasMaxLength(200);
        builder.Property(e => e.Findings).HasMaxLength(8000);
        builder.Property(e => e.Regulation44Reports).HasMaxLength(2000);
        builder.HasIndex(e => new { e.ProviderId, e.VisitDate });
        builder.HasIndex(e => new { e.SettingId, e.VisitDate });
    }
}

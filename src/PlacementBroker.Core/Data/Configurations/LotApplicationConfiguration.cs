namespace PlacementBroker.Core.Data.Configurations;

public class LotApplicationConfiguration : IEntityTypeConfiguration<LotApplication>
{
    public void Configure(EntityTypeBuilder<LotApplication> builder)
    {
        builder.ToTable("LotApplications");
        builder.HasOne(e => e.Lot).WithMany().HasForeignKey(e => e.LotId);
        builder.HasOne(e => e.Provider).WithMany().HasForeignKey(e => e.ProviderId);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.DecidedByUserId);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.ExtendedByUserId);
        builder.HasMany(e => e.Answers).WithOne().HasForeignKey(a => a.ApplicationId);
        builder.Property(e => e.ExtensionReason).HasMaxLength(2000);
        builder.Property(e => e.DecisionReason).HasMaxLength(4000);
        builder.Property(e => e.EvidenceReference).HasMaxLength(500);
        builder.HasIndex(e => new { e.Status, e.DecisionDueBy });
        builder.HasIndex(e => new { e.ProviderId, e.LotId });
    }
}

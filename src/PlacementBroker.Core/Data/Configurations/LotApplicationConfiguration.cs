namespace PlacementBroker.Core.Data.Configurations;

public class LotApplicationConfiguration : IEntityTypeConfiguration<LotApplication>
{
    public void Configure(EntityTypeBuilder<LotApplication> builder)
    {
        builder.ToTable("LotApplications");
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.DecidedByUserId);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.ExtendedByUserId);
        builder.HasMany(e => e.Answers).WithOne().HasForeignKey(a => a.ApplicationId);
        builder.HasMaxLength(TextLengths.LongText, e => e.DecisionReason);
        builder.HasMaxLength(TextLengths.Paragraph, e => e.ExtensionReason);
        builder.HasMaxLength(500, e => e.EvidenceReference);
        builder.HasIndex(e => new { e.Status, e.DecisionDueBy });
        builder.HasIndex(e => new { e.ProviderId, e.LotId });
    }
}

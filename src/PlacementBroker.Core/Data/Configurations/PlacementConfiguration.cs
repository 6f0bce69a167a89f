namespace PlacementBroker.Core.Data.Configurations;

public class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> builder)
    {
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.CreatedByUserId);
        // The approval that made it names it back (see ApprovalConfiguration): no foreign key either way.
        builder.HasNoForeignKey(e => e.ApprovalId);
        builder.HasMaxLength(TextLengths.Paragraph, e => e.EndNotes);
        // Every change of state is conditional on the state it was read in: a racing change gets a conflict, not a lost update.
        builder.Property(e => e.Status).IsConcurrencyToken();
        // One placement per referral: the database settles two officers racing for the same child.
        builder.HasIndex(e => e.ReferralId).IsUnique();
        // The agreement's reference, given once when the placement is made: never two alike.
        builder.Property(e => e.Reference).HasMaxLength(AgreementReference.MaxLength);
        builder.HasIndex(e => e.Reference).IsUnique();
        builder.HasIndex(e => new { e.LocalAuthorityId, e.Status });
        builder.HasIndex(e => new { e.ProviderId, e.Status });
        // Price disparity and benchmarks: placements made in a period.
        builder.HasIndex(e => new { e.LocalAuthorityId, e.CreatedAt });
    }
}

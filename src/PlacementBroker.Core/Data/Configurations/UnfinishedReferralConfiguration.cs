namespace PlacementBroker.Core.Data.Configurations;

public class UnfinishedReferralConfiguration : IEntityTypeConfiguration<UnfinishedReferral>
{
    public void Configure(EntityTypeBuilder<UnfinishedReferral> builder)
    {
        builder.HasMaxLength(UnfinishedReferrals.MaxAnswersLength, e => e.Answers);
        builder.HasMaxLength(200, e => e.CompletedSections);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.CreatedByUserId);
        builder.HasIndex(e => new { e.CreatedByUserId, e.UpdatedAt });
        builder.HasIndex(e => e.UpdatedAt);
    }
}

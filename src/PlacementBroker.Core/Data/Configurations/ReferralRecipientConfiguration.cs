namespace PlacementBroker.Core.Data.Configurations;

public class ReferralRecipientConfiguration : IEntityTypeConfiguration<ReferralRecipient>
{
    public void Configure(EntityTypeBuilder<ReferralRecipient> builder)
    {
        builder.HasKey(e => new { e.ReferralId, e.ProviderId });
        builder.HasMaxLength(TextLengths.Paragraph, e => e.DeclineDetail);
        // DeclinedAt too, so a provider's referrals received and declined are counted from the index alone (its track record).
        builder.HasIndex(e => new { e.ProviderId, e.NotifiedAt, e.DeclinedAt });
        // Only the declined (about one recipient in ten): the sufficiency report's declines by reason, referral by referral.
        builder.HasIndex(e => new { e.ReferralId, e.DeclineReason })
            .HasDatabaseName("IX_ReferralRecipients_Declines")
            .HasFilter("\"DeclineReason\" IS NOT NULL");
    }
}

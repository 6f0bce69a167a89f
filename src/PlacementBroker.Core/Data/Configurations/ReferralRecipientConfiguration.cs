namespace PlacementBroker.Core.Data.Configurations;

public class ReferralRecipientConfiguration : IEntityTypeConfiguration<ReferralRecipient>
{
    public void Configure(EntityTypeBuilder<ReferralRecipient> builder)
    {
        builder.HasKey(e => new { e.ReferralId, e.ProviderId });
        builder.HasMaxLength(TextLengths.Paragraph, e => e.DeclineDetail);
        builder.HasIndex(e => new { e.ProviderId, e.NotifiedAt });
    }
}

namespace PlacementBroker.Core.Data.Configurations;

public class ReferralRecipientConfiguration : IEntityTypeConfiguration<ReferralRecipient>
{
    public void Configure(EntityTypeBuilder<ReferralRecipient> builder)
    {
        builder.HasKey(e => new { e.ReferralId, e.ProviderId });
        builder.HasOne<Providers.Provider>().WithMany().HasForeignKey(e => e.ProviderId);
        builder.Property(e => e.DeclineDetail).HasMaxLength(2000);
        builder.HasIndex(e => new { e.ProviderId, e.NotifiedAt });
    }
}

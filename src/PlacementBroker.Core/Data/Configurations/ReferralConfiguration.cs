namespace PlacementBroker.Core.Data.Configurations;

public class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(e => e.ChildReference).HasMaxLength(100);
        builder.Property(e => e.ChildFirstName).HasMaxLength(100);
        builder.Property(e => e.ChildLastName).HasMaxLength(100);
        builder.Property(e => e.WishesAndFeelings).HasMaxLength(4000);
        builder.Property(e => e.LegalStatus).HasMaxLength(200);
        builder.Property(e => e.RiskSummary).HasMaxLength(4000);
        builder.Property(e => e.CulturalNeeds).HasMaxLength(2000);
        builder.Property(e => e.HomePostcode).HasMaxLength(10);
        builder.Property(e => e.ClosedReason).HasMaxLength(2000);
        builder.EnumsAsStrings(e => e.Needs);
        builder.EnumsAsStrings(e => e.MustHaveNeeds);
        // Computed from the needs on every save: written through the property, never read back into it.
        builder.Property(e => e.NeedsBand).UsePropertyAccessMode(PropertyAccessMode.Property);
        builder.HasOne<Identity.LocalAuthority>().WithMany().HasForeignKey(e => e.LocalAuthorityId);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.CreatedByUserId);
        builder.HasOne<Dps.DpsLot>().WithMany().HasForeignKey(e => e.LotId);
        builder.HasOne<Referral>().WithMany().HasForeignKey(e => e.PreviousReferralId);
        builder.HasMany(e => e.Recipients).WithOne().HasForeignKey(r => r.ReferralId);
        builder.HasIndex(e => new { e.LocalAuthorityId, e.Status });
        builder.Property(e => e.Status).IsConcurrencyToken();
        builder.HasIndex(e => new { e.Status, e.OfferDeadline });
        // Sufficiency: an authority's referrals published in a period.
        builder.HasIndex(e => new { e.LocalAuthorityId, e.PublishedAt });
    }
}

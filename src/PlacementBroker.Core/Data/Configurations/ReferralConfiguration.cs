namespace PlacementBroker.Core.Data.Configurations;

public class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.HasMaxLength(100, e => e.ChildReference, e => e.ChildFirstName, e => e.ChildLastName);
        builder.HasMaxLength(TextLengths.LongText, e => e.WishesAndFeelings, e => e.RiskSummary, e => e.ProviderSummary);
        builder.HasMaxLength(TextLengths.Paragraph, e => e.CulturalNeeds, e => e.ClosedReason);
        builder.HasMaxLength(200, e => e.LegalStatus);
        builder.EnumsAsStrings(e => e.Needs);
        builder.EnumsAsStrings(e => e.MustHaveNeeds);
        // Computed from the needs on every save: written through the property, never read back into it.
        builder.Property(e => e.NeedsBand).UsePropertyAccessMode(PropertyAccessMode.Property);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.CreatedByUserId);
        builder.HasOne<Dps.DpsLot>().WithMany().HasForeignKey(e => e.LotId);
        builder.HasOne<Referral>().WithMany().HasForeignKey(e => e.PreviousReferralId);
        builder.HasIndex(e => new { e.LocalAuthorityId, e.Status });
        builder.Property(e => e.Status).IsConcurrencyToken();
        builder.HasIndex(e => new { e.Status, e.OfferDeadline });
        // Sufficiency: an authority's referrals published in a period.
        builder.HasIndex(e => new { e.LocalAuthorityId, e.PublishedAt });
    }
}

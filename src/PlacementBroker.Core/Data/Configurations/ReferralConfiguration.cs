using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlacementBroker.Core.Referrals;

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
        builder.PrimitiveCollection(e => e.Needs).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(e => e.MustHaveNeeds).ElementType().HasConversion<string>();
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

public class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.HasOne(e => e.Referral).WithMany().HasForeignKey(e => e.ReferralId);
        builder.HasOne<Providers.Provider>().WithMany().HasForeignKey(e => e.ProviderId);
        builder.HasOne<Providers.Vacancy>().WithMany().HasForeignKey(e => e.VacancyId);
        builder.HasOne<Providers.Setting>().WithMany().HasForeignKey(e => e.SettingId);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.CreatedByUserId);
        builder.Property(e => e.Notes).HasMaxLength(4000);
        builder.Property(e => e.IdempotencyKey).HasMaxLength(200);
        builder.Property(e => e.OneToOneHoursPerWeek).HasPrecision(6, 1);
        // A retried submit with the same key finds the first offer; the index settles two racing retries.
        builder.HasIndex(e => new { e.ProviderId, e.IdempotencyKey }).IsUnique();
        // One live offer per vacancy and referral (so per provider): concurrent identical submits make one offer. Withdrawn,
        // rejected and not-selected offers stay as history, so a provider may offer the place again after withdrawing.
        // The filter is written once for all three databases (SQL Server reads double quotes as identifiers).
        builder.HasIndex(e => new { e.ReferralId, e.VacancyId }).IsUnique()
            .HasDatabaseName("IX_Offers_OneLiveOfferPerVacancy")
            .HasFilter("\"Status\" IN ('Submitted', 'PendingApproval', 'Accepted')");
        builder.Property(e => e.Status).IsConcurrencyToken();
        builder.HasIndex(e => new { e.ReferralId, e.Status });
        builder.HasIndex(e => new { e.VacancyId, e.Status });
    }
}

namespace PlacementBroker.Core.Data.Configurations;

public class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.CreatedByUserId);
        builder.HasMaxLength(TextLengths.LongText, e => e.Notes);
        builder.HasMaxLength(200, e => e.IdempotencyKey);
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
        // CreatedAt too: a referral's offers counted and its first offer found from the index alone (the sufficiency report).
        builder.HasIndex(e => new { e.ReferralId, e.Status, e.CreatedAt });
        builder.HasIndex(e => new { e.VacancyId, e.Status });
    }
}

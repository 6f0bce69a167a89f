namespace PlacementBroker.Core.Data.Configurations;

public class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.HasOne<Identity.LocalAuthority>().WithMany().HasForeignKey(e => e.LocalAuthorityId);
        builder.HasOne<Providers.Provider>().WithMany().HasForeignKey(e => e.ProviderId);
        builder.HasMany(e => e.Lines).WithOne().HasForeignKey(l => l.InvoiceId);
        builder.Property(e => e.StripeInvoiceId).HasMaxLength(255);
        builder.Property(e => e.StripeTransferId).HasMaxLength(255);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.Property(e => e.PayoutError).HasMaxLength(2000);
        // One invoice per authority, provider and period, whatever happens to the runs.
        builder.HasIndex(e => new { e.LocalAuthorityId, e.ProviderId, e.PeriodStart, e.PeriodEnd }).IsUnique();
        builder.HasIndex(e => e.StripeInvoiceId);
        builder.HasIndex(e => new { e.ProviderId, e.PeriodStart });
        builder.HasIndex(e => e.Status);
    }
}

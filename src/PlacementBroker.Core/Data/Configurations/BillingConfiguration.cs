using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlacementBroker.Core.Billing;

namespace PlacementBroker.Core.Data.Configurations;

public class BillingRunConfiguration : IEntityTypeConfiguration<BillingRun>
{
    public void Configure(EntityTypeBuilder<BillingRun> builder)
    {
        builder.HasOne<Identity.LocalAuthority>().WithMany().HasForeignKey(e => e.LocalAuthorityId);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.StartedByUserId);
        builder.HasMany(e => e.Invoices).WithOne().HasForeignKey(i => i.BillingRunId);
        // The same period twice is the same run: two requests racing to start it make one.
        builder.HasIndex(e => new { e.LocalAuthorityId, e.PeriodStart, e.PeriodEnd }).IsUnique();
    }
}

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

public class InvoiceLineConfiguration : IEntityTypeConfiguration<InvoiceLine>
{
    public void Configure(EntityTypeBuilder<InvoiceLine> builder)
    {
        builder.HasOne<Placements.Placement>().WithMany().HasForeignKey(e => e.PlacementId);
        builder.HasOne<Placements.BlockContract>().WithMany().HasForeignKey(e => e.BlockContractId);
        builder.Property(e => e.Description).HasMaxLength(500);
        // An invoice may hold a placement's line for its period and adjustments to earlier ones: lines are not unique per
        // placement; the run writes an invoice whole, once (the invoice index is the guard).
        builder.HasIndex(e => e.InvoiceId);
        builder.HasIndex(e => e.PlacementId);
        builder.HasIndex(e => e.BlockContractId);
    }
}

public class PaymentEventRecordConfiguration : IEntityTypeConfiguration<PaymentEventRecord>
{
    public void Configure(EntityTypeBuilder<PaymentEventRecord> builder)
    {
        builder.Property(e => e.Id).HasMaxLength(255);
        builder.Property(e => e.Type).HasMaxLength(100);
    }
}

public class PlacementPriceChangeConfiguration : IEntityTypeConfiguration<PlacementPriceChange>
{
    public void Configure(EntityTypeBuilder<PlacementPriceChange> builder)
    {
        builder.HasOne<Placements.Placement>().WithMany().HasForeignKey(e => e.PlacementId);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.CreatedByUserId);
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.HasIndex(e => new { e.PlacementId, e.EffectiveFrom }).IsUnique();
    }
}

namespace PlacementBroker.Core.Data.Configurations;

public class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.HasMaxLength(255, e => e.StripeInvoiceId, e => e.StripeTransferId);
        builder.HasMaxLength(TextLengths.Paragraph, e => e.LastError, e => e.PayoutError);
        // One invoice per authority, provider and period, whatever happens to the runs.
        builder.HasIndex(e => new { e.LocalAuthorityId, e.ProviderId, e.PeriodStart, e.PeriodEnd }).IsUnique();
        builder.HasIndex(e => e.StripeInvoiceId);
        builder.HasIndex(e => new { e.ProviderId, e.PeriodStart });
        builder.HasIndex(e => e.Status);
    }
}

namespace PlacementBroker.Core.Data.Configurations;

public class InvoiceLineConfiguration : IEntityTypeConfiguration<InvoiceLine>
{
    public void Configure(EntityTypeBuilder<InvoiceLine> builder)
    {
        builder.HasMaxLength(500, e => e.Description);
        // An invoice may hold a placement's line for its period and adjustments to earlier ones: lines are not unique per
        // placement; the run writes an invoice whole, once (the invoice index is the guard).
        builder.HasIndex(e => e.InvoiceId);
        builder.HasIndex(e => e.PlacementId);
        builder.HasIndex(e => e.BlockContractId);
    }
}

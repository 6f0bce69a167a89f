namespace PlacementBroker.Core.Data.Configurations;

public class PaymentEventRecordConfiguration : IEntityTypeConfiguration<PaymentEventRecord>
{
    public void Configure(EntityTypeBuilder<PaymentEventRecord> builder)
    {
        builder.HasMaxLength(255, e => e.Id);
        builder.HasMaxLength(100, e => e.Type);
    }
}

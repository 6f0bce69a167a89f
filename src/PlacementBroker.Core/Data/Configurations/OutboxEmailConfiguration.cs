namespace PlacementBroker.Core.Data.Configurations;

public class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.ToTable("OutboxEmails");
        builder.HasMaxLength(256, e => e.To);
        builder.HasMaxLength(300, e => e.Subject, e => e.Reference);
        builder.HasMaxLength(20000, e => e.Body);
        builder.HasMaxLength(50, e => e.DeliveredBy);
        builder.HasMaxLength(100, e => e.DeliveryId);
        builder.HasMaxLength(TextLengths.Paragraph, e => e.LastError);
        builder.HasIndex(e => e.Reference).IsUnique();
        builder.HasIndex(e => new { e.DeliveredAt, e.CreatedAt });
        builder.HasIndex(e => e.To);
    }
}

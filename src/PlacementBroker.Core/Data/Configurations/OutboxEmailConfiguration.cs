namespace PlacementBroker.Core.Data.Configurations;

public class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.ToTable("OutboxEmails");
        builder.Property(e => e.To).HasMaxLength(256);
        builder.Property(e => e.Subject).HasMaxLength(300);
        builder.Property(e => e.Body).HasMaxLength(20000);
        builder.Property(e => e.Reference).HasMaxLength(300);
        builder.Property(e => e.DeliveredBy).HasMaxLength(50);
        builder.Property(e => e.DeliveryId).HasMaxLength(100);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.HasIndex(e => e.Reference).IsUnique();
        builder.HasIndex(e => new { e.DeliveredAt, e.CreatedAt });
        builder.HasIndex(e => e.To);
    }
}

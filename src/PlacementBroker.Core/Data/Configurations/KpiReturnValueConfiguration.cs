using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Core.Data.Configurations;

public class KpiReturnValueConfiguration : IEntityTypeConfiguration<KpiReturnValue>
{
    public void Configure(EntityTypeBuilder<KpiReturnValue> builder)
    {
        builder.HasMaxLength(TextLengths.LongText, e => e.Commentary);
        builder.Property(e => e.Basis).HasMaxLength(400);
        builder.Property(e => e.Value).HasPrecision(18, 4);
        builder.HasIndex(e => new { e.KpiReturnId, e.KpiId }).IsUnique();
    }
}

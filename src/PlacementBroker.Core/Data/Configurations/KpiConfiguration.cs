using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Core.Data.Configurations;

public class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> builder)
    {
        builder.HasOne<DynamicPurchasingSystem>().WithMany().HasForeignKey(e => e.DpsId);
        builder.Property(e => e.Code).HasMaxLength(KpiService.MaxCodeLength);
        builder.HasMaxLength(TextLengths.LongText, e => e.Description);
        builder.Property(e => e.Target).HasPrecision(18, 4);
        // One code per DPS: returns and the pages name a KPI by it.
        builder.HasIndex(e => new { e.DpsId, e.Code }).IsUnique();
    }
}

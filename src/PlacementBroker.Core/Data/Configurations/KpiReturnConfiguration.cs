using PlacementBroker.Core.Contracts;

namespace PlacementBroker.Core.Data.Configurations;

public class KpiReturnConfiguration : IEntityTypeConfiguration<KpiReturn>
{
    public void Configure(EntityTypeBuilder<KpiReturn> builder)
    {
        builder.Property(e => e.Quarter).HasMaxLength(7);
        builder.HasMaxLength(TextLengths.LongText, e => e.ReviewComment);
        builder.Property(e => e.UpdatedAt).IsConcurrencyToken();
        builder.HasMany(e => e.Values).WithOne().HasForeignKey(v => v.KpiReturnId);
        builder.HasMany(e => e.History).WithOne().HasForeignKey(h => h.KpiReturnId);
        // One return per provider, DPS and quarter: the sweep and a provider starting early can never make two.
        builder.HasIndex(e => new { e.ProviderId, e.DpsId, e.Quarter }).IsUnique();
        builder.HasIndex(e => new { e.DpsId, e.Status });
    }
}

namespace PlacementBroker.Core.Data.Configurations;

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

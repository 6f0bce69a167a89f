namespace PlacementBroker.Core.Data.Configurations;

public class PlacementPriceChangeConfiguration : IEntityTypeConfiguration<PlacementPriceChange>
{
    public void Configure(EntityTypeBuilder<PlacementPriceChange> builder)
    {
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.CreatedByUserId);
        builder.HasMaxLength(500, e => e.Reason);
        builder.HasIndex(e => new { e.PlacementId, e.EffectiveFrom }).IsUnique();
    }
}

namespace PlacementBroker.Core.Data.Configurations;

public class DynamicPurchasingSystemConfiguration : IEntityTypeConfiguration<DynamicPurchasingSystem>
{
    public void Configure(EntityTypeBuilder<DynamicPurchasingSystem> builder)
    {
        builder.ToTable("DynamicPurchasingSystems");
        builder.HasMany(e => e.Participants).WithOne().HasForeignKey(p => p.DpsId);
        builder.HasIndex(e => e.Status);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.CreatedByUserId);
        builder.ComplexProperty(e => e.Weights, weights =>
        {
            weights.Property(w => w.Needs).HasColumnName("WeightNeeds").HasDefaultValue(1.0);
            weights.Property(w => w.OfstedGrade).HasColumnName("WeightOfstedGrade").HasDefaultValue(1.0);
            weights.Property(w => w.Price).HasColumnName("WeightPrice").HasDefaultValue(1.0);
            weights.Property(w => w.Distance).HasColumnName("WeightDistance").HasDefaultValue(1.0);
            weights.Property(w => w.QaStatus).HasColumnName("WeightQaStatus").HasDefaultValue(1.0);
            weights.Property(w => w.TrackRecord).HasColumnName("WeightTrackRecord").HasDefaultValue(1.0);
        });
    }
}

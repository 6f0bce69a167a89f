using PlacementBroker.Core.Uplifts;

namespace PlacementBroker.Core.Data.Configurations;

public class UpliftRoundConfiguration : IEntityTypeConfiguration<UpliftRound>
{
    public void Configure(EntityTypeBuilder<UpliftRound> builder)
    {
        builder.HasOne<DynamicPurchasingSystem>().WithMany().HasForeignKey(e => e.DpsId);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.CreatedByUserId);
        builder.HasMaxLength(TextLengths.LongText, e => e.Guidance);
        builder.HasIndex(e => new { e.DpsId, e.EffectiveFrom });
    }
}

public class UpliftRequestConfiguration : IEntityTypeConfiguration<UpliftRequest>
{
    public void Configure(EntityTypeBuilder<UpliftRequest> builder)
    {
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.SubmittedByUserId);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.DecidedByUserId);
        builder.HasMaxLength(TextLengths.LongText, e => e.Justification, e => e.DecisionReason);
        builder.HasMany(e => e.CostLines).WithOne().HasForeignKey(l => l.UpliftRequestId);
        builder.Property(e => e.UpdatedAt).IsConcurrencyToken();
        // One request per provider in a round.
        builder.HasIndex(e => new { e.UpliftRoundId, e.ProviderId }).IsUnique();
        builder.HasIndex(e => new { e.ProviderId, e.Status });
    }
}

public class UpliftCostLineConfiguration : IEntityTypeConfiguration<UpliftCostLine>
{
    public void Configure(EntityTypeBuilder<UpliftCostLine> builder) =>
        builder.HasIndex(e => new { e.UpliftRequestId, e.Category }).IsUnique();
}

public class PlacementVariationConfiguration : IEntityTypeConfiguration<PlacementVariation>
{
    public void Configure(EntityTypeBuilder<PlacementVariation> builder)
    {
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.AgreedByUserId);
        builder.HasMaxLength(TextLengths.LongText, e => e.Reason);
        builder.Property(e => e.AgreedByName).HasMaxLength(200);
        builder.Property(e => e.AgreedFor).HasMaxLength(200);
        builder.HasIndex(e => new { e.PlacementId, e.EffectiveFrom });
    }
}

public class BlockContractVariationConfiguration : IEntityTypeConfiguration<BlockContractVariation>
{
    public void Configure(EntityTypeBuilder<BlockContractVariation> builder)
    {
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.AgreedByUserId);
        builder.HasMaxLength(TextLengths.LongText, e => e.Reason);
        builder.Property(e => e.AgreedByName).HasMaxLength(200);
        builder.HasIndex(e => new { e.BlockContractId, e.EffectiveFrom });
    }
}

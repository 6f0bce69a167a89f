namespace PlacementBroker.Core.Data.Configurations;

public class BlockContractConfiguration : IEntityTypeConfiguration<BlockContract>
{
    public void Configure(EntityTypeBuilder<BlockContract> builder)
    {
        builder.HasOne<Dps.DpsLot>().WithMany().HasForeignKey(e => e.LotId);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.CreatedByUserId);
        builder.ToTable(t => t.HasCheckConstraint("CK_BlockContracts_PlacesTaken", "\"PlacesTaken\" >= 0 AND \"PlacesTaken\" <= \"Places\""));
        builder.HasIndex(e => new { e.LocalAuthorityId, e.ProviderId, e.LotId });
    }
}

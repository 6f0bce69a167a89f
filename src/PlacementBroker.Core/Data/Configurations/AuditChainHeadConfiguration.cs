namespace PlacementBroker.Core.Data.Configurations;

public class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.LastHash).HasMaxLength(64);
        builder.Property(e => e.BrokenReason).HasMaxLength(500);
        builder.HasData(new AuditChainHead { Id = AuditChainHead.SingletonId, LockVersion = Guid.Empty });
    }
}

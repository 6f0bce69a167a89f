namespace PlacementBroker.Core.Data.Configurations;

public class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasMaxLength(500, e => e.BrokenReason);
        builder.HasData(new AuditChainHead { Id = AuditChainHead.SingletonId, LockVersion = Guid.Empty });
    }
}

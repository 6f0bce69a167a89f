namespace PlacementBroker.Core.Data.Configurations;

public class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(e => e.ActorEmail).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.EntityType).HasMaxLength(100);
        builder.Property(e => e.EntityId).HasMaxLength(100);
        builder.Property(e => e.Detail).HasMaxLength(4000);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.ActorUserId);
        // One event per place in the chain; the filter keeps unsealed events (null) out, written once for all three databases.
        builder.HasIndex(e => e.Sequence).IsUnique().HasFilter("\"Sequence\" IS NOT NULL");
        // The sealer's work: events still without a hash, in id order.
        builder.HasIndex(e => e.Id).HasDatabaseName("IX_AuditEvents_Unsealed").HasFilter("\"Hash\" IS NULL");
        // The auditor's page: a council's events, newest first.
        builder.HasIndex(e => new { e.LocalAuthorityId, e.OccurredAt });
    }
}

namespace PlacementBroker.Core.Data.Configurations;

public class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.HasMaxLength(100, e => e.Action, e => e.EntityType, e => e.EntityId);
        builder.HasMaxLength(TextLengths.LongText, e => e.Detail);
        builder.HasMaxLength(64, e => e.IpAddress);
        // The trail records these ids to filter by; they are not foreign keys, so writing the trail never depends on other rows.
        builder.HasNoForeignKey(e => e.LocalAuthorityId);
        builder.HasNoForeignKey(e => e.ProviderId);
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

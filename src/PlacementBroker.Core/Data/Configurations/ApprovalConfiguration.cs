namespace PlacementBroker.Core.Data.Configurations;

public class ApprovalConfiguration : IEntityTypeConfiguration<Approval>
{
    public void Configure(EntityTypeBuilder<Approval> builder)
    {
        // An approval and the placement it makes name each other and are saved together: keys both ways would be a cycle
        // EF Core cannot order, so neither id is a foreign key.
        builder.HasNoForeignKey(e => e.PlacementId);
        builder.PrimitiveCollection(e => e.Reasons);
        builder.HasMaxLength(TextLengths.LongText, e => e.DecisionReason, e => e.RequestReason);
        builder.HasMaxLength(500, e => e.OfstedReportUrl);
        // Two managers deciding one approval: the second finds it no longer pending.
        builder.Property(e => e.Status).IsConcurrencyToken();
        builder.HasIndex(e => new { e.LocalAuthorityId, e.Status });
    }
}

namespace PlacementBroker.Core.Data.Configurations;

public class QaFlagConfiguration : IEntityTypeConfiguration<QaFlag>
{
    public void Configure(EntityTypeBuilder<QaFlag> builder)
    {
        builder.HasMaxLength(TextLengths.LongText, e => e.Description, e => e.Resolution);
        builder.HasMaxLength(TextLengths.Paragraph, e => e.EvidenceReferences);
        builder.HasIndex(e => new { e.ProviderId, e.Status });
    }
}

namespace PlacementBroker.Core.Data.Configurations;

public class QaVisitConfiguration : IEntityTypeConfiguration<QaVisit>
{
    public void Configure(EntityTypeBuilder<QaVisit> builder)
    {
        builder.HasMaxLength(200, e => e.Visitor);
        builder.HasMaxLength(8000, e => e.Findings);
        builder.HasMaxLength(TextLengths.Paragraph, e => e.Regulation44Reports);
        builder.HasIndex(e => new { e.ProviderId, e.VisitDate });
        builder.HasIndex(e => new { e.SettingId, e.VisitDate });
    }
}

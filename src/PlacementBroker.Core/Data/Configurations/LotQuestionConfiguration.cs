namespace PlacementBroker.Core.Data.Configurations;

public class LotQuestionConfiguration : IEntityTypeConfiguration<LotQuestion>
{
    public void Configure(EntityTypeBuilder<LotQuestion> builder)
    {
        builder.HasMaxLength(100, e => e.Key);
        builder.HasMaxLength(TextLengths.Paragraph, e => e.Text, e => e.Guidance);
        builder.HasIndex(e => new { e.LotId, e.Key }).IsUnique();
    }
}

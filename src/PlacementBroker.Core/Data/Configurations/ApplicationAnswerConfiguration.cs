namespace PlacementBroker.Core.Data.Configurations;

public class ApplicationAnswerConfiguration : IEntityTypeConfiguration<ApplicationAnswer>
{
    public void Configure(EntityTypeBuilder<ApplicationAnswer> builder)
    {
        builder.HasMaxLength(TextLengths.LongText, e => e.Answer);
        builder.HasMaxLength(500, e => e.EvidenceReference);
        builder.HasMaxLength(100, e => e.QuestionKey);
        builder.HasIndex(e => new { e.ApplicationId, e.QuestionKey }).IsUnique();
    }
}

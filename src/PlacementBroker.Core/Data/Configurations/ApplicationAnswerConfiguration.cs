namespace PlacementBroker.Core.Data.Configurations;

public class ApplicationAnswerConfiguration : IEntityTypeConfiguration<ApplicationAnswer>
{
    public void Configure(EntityTypeBuilder<ApplicationAnswer> builder)
    {
        builder.Property(e => e.QuestionKey).HasMaxLength(100);
        builder.Property(e => e.Answer).HasMaxLength(4000);
        builder.Property(e => e.EvidenceReference).HasMaxLength(500);
        builder.HasIndex(e => new { e.ApplicationId, e.QuestionKey }).IsUnique();
    }
}

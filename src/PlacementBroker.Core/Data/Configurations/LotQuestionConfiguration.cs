namespace PlacementBroker.Core.Data.Configurations;

public class LotQuestionConfiguration : IEntityTypeConfiguration<LotQuestion>
{
    public void Configure(EntityTypeBuilder<LotQuestion> builder)
    {
        builder.Property(e => e.Key).HasMaxLength(100);
        builder.Property(e => e.Text).HasMaxLength(2000);
        builder.Property(e => e.Guidance).HasMaxLength(2000);
        builder.HasIndex(e => new { e.LotId, e.Key }).IsUnique();
    }
}

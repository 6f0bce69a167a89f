namespace PlacementBroker.Core.Data.Configurations;

public class AgreementReferenceCounterConfiguration : IEntityTypeConfiguration<AgreementReferenceCounter>
{
    public void Configure(EntityTypeBuilder<AgreementReferenceCounter> builder)
    {
        builder.HasKey(e => e.Year);
        builder.Property(e => e.Year).ValueGeneratedNever();
    }
}

namespace PlacementBroker.Core.Data.Configurations;

public class ProviderGroupConfiguration : IEntityTypeConfiguration<ProviderGroup>
{
    public void Configure(EntityTypeBuilder<ProviderGroup> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.CompanyNumber).HasMaxLength(20);
    }
}

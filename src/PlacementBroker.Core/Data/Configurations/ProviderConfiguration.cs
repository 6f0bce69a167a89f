namespace PlacementBroker.Core.Data.Configurations;

public class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.RegistrationNumber).HasMaxLength(20);
        builder.Property(e => e.ContactEmail).HasMaxLength(256);
        builder.HasOne(e => e.Group).WithMany().HasForeignKey(e => e.GroupId);
        builder.HasMany(e => e.Settings).WithOne(s => s.Provider).HasForeignKey(s => s.ProviderId);
        builder.HasIndex(e => e.Name);
    }
}

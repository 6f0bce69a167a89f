namespace PlacementBroker.Core.Data.Configurations;

public class EmailConfirmationCodeConfiguration : IEntityTypeConfiguration<EmailConfirmationCode>
{
    public void Configure(EntityTypeBuilder<EmailConfirmationCode> builder)
    {
        builder.Property(e => e.CodeHash).HasMaxLength(64);
        builder.Property(e => e.Email).HasMaxLength(256);
        builder.HasIndex(e => e.CodeHash).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId);
        builder.HasOne<Providers.Provider>().WithMany().HasForeignKey(e => e.ProviderId);
        builder.HasIndex(e => e.ProviderId);
    }
}

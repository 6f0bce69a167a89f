namespace PlacementBroker.Core.Data.Configurations;

public class EmailConfirmationCodeConfiguration : IEntityTypeConfiguration<EmailConfirmationCode>
{
    public void Configure(EntityTypeBuilder<EmailConfirmationCode> builder)
    {
        builder.HasIndex(e => e.CodeHash).IsUnique();
    }
}

namespace PlacementBroker.Core.Data.Configurations;

public class AccountLinkCodeConfiguration : IEntityTypeConfiguration<AccountLinkCode>
{
    public void Configure(EntityTypeBuilder<AccountLinkCode> builder)
    {
        builder.Property(e => e.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(e => e.CodeHash).IsUnique();
    }
}

namespace PlacementBroker.Core.Data.Configurations;

public class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        // Identity only checks uniqueness in code; the index makes a registration race a clean conflict.
        builder.HasIndex(e => e.NormalizedEmail).IsUnique();
        builder.HasIndex(e => new { e.LocalAuthorityId, e.Role });
    }
}

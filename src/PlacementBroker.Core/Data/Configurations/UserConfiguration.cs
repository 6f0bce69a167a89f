namespace PlacementBroker.Core.Data.Configurations;

public class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(e => e.DisplayName).HasMaxLength(200);
        // Identity only checks uniqueness in code; the index makes a registration race a clean conflict.
        builder.HasIndex(e => e.NormalizedEmail).IsUnique();
        builder.HasOne(e => e.LocalAuthority).WithMany().HasForeignKey(e => e.LocalAuthorityId);
        builder.HasOne(e => e.Provider).WithMany().HasForeignKey(e => e.ProviderId);
        builder.HasIndex(e => new { e.LocalAuthorityId, e.Role });
        builder.HasIndex(e => e.ProviderId);
    }
}

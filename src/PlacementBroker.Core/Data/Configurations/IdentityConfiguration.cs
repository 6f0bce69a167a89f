using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PlacementBroker.Core.Identity;

namespace PlacementBroker.Core.Data.Configurations;

public class LocalAuthorityConfiguration : IEntityTypeConfiguration<LocalAuthority>
{
    public void Configure(EntityTypeBuilder<LocalAuthority> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Code).HasMaxLength(20);
        builder.HasIndex(e => e.Code).IsUnique();
        builder.HasIndex(e => e.Name).IsUnique();
    }
}

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

public class AccountLinkCodeConfiguration : IEntityTypeConfiguration<AccountLinkCode>
{
    public void Configure(EntityTypeBuilder<AccountLinkCode> builder)
    {
        builder.Property(e => e.CodeHash).HasMaxLength(64);
        builder.Property(e => e.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(e => e.CodeHash).IsUnique();
        builder.HasIndex(e => e.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

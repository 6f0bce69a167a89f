namespace PlacementBroker.Core.Data.Configurations;

public class LotMembershipConfiguration : IEntityTypeConfiguration<LotMembership>
{
    public void Configure(EntityTypeBuilder<LotMembership> builder)
    {
        builder.HasOne<LotApplication>().WithMany().HasForeignKey(e => e.ApplicationId);
        builder.HasMany(e => e.History).WithOne().HasForeignKey(h => h.MembershipId);
        // One membership per provider and lot: re-admission reuses it, so history stays in one place.
        builder.HasIndex(e => new { e.LotId, e.ProviderId }).IsUnique();
        builder.HasIndex(e => new { e.ProviderId, e.Status });
    }
}

namespace PlacementBroker.Core.Data.Configurations;

public class MembershipEventConfiguration : IEntityTypeConfiguration<MembershipEvent>
{
    public void Configure(EntityTypeBuilder<MembershipEvent> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(4000);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.ByUserId);
    }
}

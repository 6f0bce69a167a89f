namespace PlacementBroker.Core.Data.Configurations;

public class MembershipEventConfiguration : IEntityTypeConfiguration<MembershipEvent>
{
    public void Configure(EntityTypeBuilder<MembershipEvent> builder)
    {
        builder.HasMaxLength(TextLengths.LongText, e => e.Reason);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(e => e.ByUserId);
    }
}

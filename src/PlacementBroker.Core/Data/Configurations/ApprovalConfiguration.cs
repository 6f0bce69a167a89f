namespace PlacementBroker.Core.Data.Configurations;

public class ApprovalConfiguration : IEntityTypeConfiguration<Approval>
{
    public void Configure(EntityTypeBuilder<Approval> builder)
    {
        builder.HasOne<Referrals.Offer>().WithMany().HasForeignKey(e => e.OfferId);
        builder.HasOne<Referrals.Referral>().WithMany().HasForeignKey(e => e.ReferralId);
        builder.HasOne<Identity.LocalAuthority>().WithMany().HasForeignKey(e => e.LocalAuthorityId);
        builder.HasOne<BlockContract>().WithMany().HasForeignKey(e => e.BlockContractId);
        builder.PrimitiveCollection(e => e.Reasons);
        builder.Property(e => e.OfstedReportUrl).HasMaxLength(500);
        builder.Property(e => e.DecisionReason).HasMaxLength(4000);
        // Two managers deciding one approval: the second finds it no longer pending.
        builder.Property(e => e.Status).IsConcurrencyToken();
        builder.HasIndex(e => new { e.LocalAuthorityId, e.Status });
        builder.HasIndex(e => e.OfferId);
    }
}
